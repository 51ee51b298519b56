/// Compiles a Budget into a Disclosure. Filled in by the build work.
public enum BuildPlaceholder {}
