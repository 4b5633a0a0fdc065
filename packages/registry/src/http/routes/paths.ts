/** Path prefixes shared by the route modules. */
export const API = '/api/v1';
export const GRAPH = `${API}/graphs/:graph`;
export const VARIANT = `${GRAPH}/variants/:variant`;
