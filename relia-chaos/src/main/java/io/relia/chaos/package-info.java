/** Chaos engineering: a fault-injection proxy with Toxiproxy's admin API, and an experiment runner. */
package io.relia.chaos;
