/**
 * Local programs that integration tests and the benchmark start for themselves and stop again.
 * They are a private PostgreSQL server, a network namespace whose only interface is its own
 * loopback, and bridges from the host's 127.0.0.1 to UNIX sockets inside such a namespace. Nothing here listens
 * on or connects to any address but loopback.
 */
package org.lotkeeper.sandbox;
