/// Writes XLSX workbooks (a sheet per table). Filled in by the renderer work.
public enum XLSXWriterPlaceholder {}
