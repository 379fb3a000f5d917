"""Follow-up of assigned tasks: the register, deadlines, reports, urging letters, calendars."""
