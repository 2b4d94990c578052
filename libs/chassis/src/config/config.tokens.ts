/** DI token for the parsed {@link ServiceConfig} of the running service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
