"""Human-readable output: the demo's tables (`tables`) and the gas report (`gas`)."""
