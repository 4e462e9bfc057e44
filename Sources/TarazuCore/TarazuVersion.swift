/// The version of Tarazu, printed by `tarazu --version` and in every report's reproducibility footer.
public enum TarazuVersion {
    /// The current version.
    public static let current = "0.3.0"
}
