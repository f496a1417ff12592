export function Stream() {}
export default { Stream };
