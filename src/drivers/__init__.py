"""Hardware behind small protocols: card readers, cameras, receipt printers. No Qt, no kiosk wiring."""
