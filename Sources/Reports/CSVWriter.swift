// Placeholder: CSV, JSON and terminal reports go here.
public enum Reports {}
