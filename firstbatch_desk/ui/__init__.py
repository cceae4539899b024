"""The Qt user interface: views lay out, services do the work."""
