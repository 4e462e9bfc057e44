import Foundation

/// Settings in memory, with the answers of ``BudgetStore``'s (see ``SettingsRepository``).
public actor InMemorySettings: SettingsRepository {
    private var values: [ExactText: String] = [:]

    /// No settings.
    public init() {}

    public func setting(_ key: String) -> String? { values[ExactText(key)] }

    public func setting(_ key: String, insertingIfAbsent value: String) -> String {
        if let stored = values[ExactText(key)] { return stored }
        values[ExactText(key)] = value
        return value
    }
}
