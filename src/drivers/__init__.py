"""Hardware behind small protocols: card readers, cameras. No Qt, no kiosk wiring."""
