import Foundation

/// Number of cores the process may use, read once; parallel linkage work
/// splits into this many chunks at most.
enum AvailableCores {
    static let active: Int = ProcessInfo.processInfo.activeProcessorCount
}
