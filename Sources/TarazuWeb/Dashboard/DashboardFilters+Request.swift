import Foundation
import TarazuApplication
import TarazuCore
import Vapor

extension DashboardFilters {
    /// The filters of `request` (query items year, region, function).
    static func read(_ request: Request, book: BudgetBook) throws -> DashboardFilters {
        try make(year: QueryParameters.year(request), region: QueryParameters.string(request, "region"),
                 function: QueryParameters.string(request, "function"), book: book)
    }
}
