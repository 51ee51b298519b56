/// Reads and writes budget sources (YAML, CSV, XLSX). Filled in by the source work.
public enum SourcePlaceholder {}
