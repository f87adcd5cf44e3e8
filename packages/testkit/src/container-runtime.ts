import { getContainerRuntimeClient } from 'testcontainers';

let detected: Promise<boolean> | undefined;

/**
 * Whether a container runtime answers. testcontainers rejects in about a millisecond when none is
 * configured, but a half-configured DOCKER_HOST can hang, so the probe is bounded. Asked once per
 * process and remembered.
 */
export function containerRuntimeAvailable(timeoutMs = 3000): Promise<boolean> {
  detected ??= Promise.race([
    getContainerRuntimeClient().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
  ]);
  return detected;
}
