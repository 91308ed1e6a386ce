"""Benchmarks (`make bench`) and the synthetic catalogue they and other tests share."""
