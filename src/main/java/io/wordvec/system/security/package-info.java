/**
 * Access control: which requests need the admin token or an API key, and the filter that checks
 * them. Part of the ground floor: imports no feature package.
 */
package io.wordvec.system.security;
