// Placeholder: statistics over result columns go here.
public enum Statistics {}
