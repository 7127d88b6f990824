"""What a profile review produces for people: the printable report, the links CSV, a disavow file."""
