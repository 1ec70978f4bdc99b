// The expert pool's public surface for programmes' pages.
export { listExperts } from "./api";
export { expertQueryKeys } from "./expertQueryKeys";
export { HonourTags } from "./components/HonourTags";
export { tradeName } from "./expertLabels";
