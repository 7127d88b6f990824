"""Questions, answer scales and the verdict engine for judging one link."""
