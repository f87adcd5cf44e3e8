export { type Commune, useMyCommunes } from './api/my-communes';
export { CommuneInput, communeLabel, resolveCommune } from './commune-input';
