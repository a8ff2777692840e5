"""The widgets roam's screens are made of."""
