/**
 * Access control: which requests need the admin token, and the filter that checks it. Part of the
 * ground floor: imports no feature package.
 */
package io.wordvec.system.security;
