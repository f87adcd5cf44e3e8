/** A pure decider (Chassaing; emmett, fmodel): state from events, events from a command and state. */
export interface Decider<State, Command, Event> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}
