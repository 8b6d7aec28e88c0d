import Analysis

extension BusinessCaseFiles {
    /// `evppi.csv`: the EVPPI of each uncertain input (`ValueOfInformation`), largest first: the
    /// estimate and its standard error in money (2 decimals), and its share of the EVPI (empty
    /// when the EVPI is 0).
    public static func evppi(_ r: RunReport) -> CSVTable {
        var t = CSVTable(
            header: ["input", "source_line", "evppi", "evppi_se", "share_of_evpi"],
            kinds: [.text, .integer, .money, .money, .probability])
        for row in r.valueOfInformation.rows {
            t.add([
                row.label, String(row.sourceLine), money(row.evppi.value), money(row.evppi.standardError),
                n(row.shareOfEVPI)
            ])
        }
        return t
    }
}
