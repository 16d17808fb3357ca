"""The trader CLI (`vperp`): click commands over the SDK (`main`) and what they print (`views`)."""
