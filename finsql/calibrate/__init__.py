"""Output calibration: SQL extraction from model text (repair and voting come later)."""
