"""roam's benchmarks: each figure against a bare baseline measured in the same run."""
