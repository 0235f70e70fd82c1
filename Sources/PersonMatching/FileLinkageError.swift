/// Why a whole-file linkage run could not complete.
public enum FileLinkageError: Error, Sendable, Hashable {
    case cannotReadInput(path: String, reason: String)
    case cannotWriteOutput(path: String, reason: String)
    /// The header row has no `record_id` column.
    case missingRecordIDColumn
    /// The file has no header row.
    case emptyInput
    case malformedCSV(CSVError)
}
