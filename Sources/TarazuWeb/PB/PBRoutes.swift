import Foundation
import TarazuAnalysis
import TarazuParticipation
import TarazuStore
import Vapor

/// The public participatory budgeting routes: /pb, /pb/:slug, /pb/:slug/results, the voting
/// steps (``PBVoteRoutes``) and the SMS webhook (``PBSMSRoutes``). Never cached (they change
/// with every ballot): /pb is one of ``TarazuWebApp/privatePrefixes``.
enum PBRoutes {
    static func register(_ app: Application, context: PBContext) {
        app.get("pb") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let html = PBPages.list(try await context.pb.pbProcesses(), now: context.settings.now(), language)
            return PortalPages.htmlResponse(html, language: language)
        }
        app.get("pb", ":slug") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let stored = try await context.process(request)
            let (_, box) = try await context.pb.pbBox(process: stored.slug)
            let regions = await context.regionNames(stored.definition.settings)
            return PortalPages.htmlResponse(PBPages.process(stored, now: context.settings.now(), box: box, regions: regions, language), language: language)
        }
        app.get("pb", ":slug", "results") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let stored = try await context.process(request)
            let process = stored.definition.process
            let analyst = (request.viewer?.account.role).map { $0 >= .analyst } ?? false
            let published = process.phase(.tally).start
            guard analyst || context.settings.now() >= published else {
                return PortalPages.htmlResponse(PBResultsPage.notYet(stored.slug, process, language), language: language, status: .forbidden)
            }
            let rule = QueryParameters.string(request, "rule") ?? stored.definition.settings.rule.rawValue
            guard let chosen = PBRule(rawValue: rule) else {
                throw BilingualError(.badRequest, fa: "روش شمارشی با این نام نیست.",
                                     en: "rule must be one of \(PBRule.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let slug = stored.slug
            let stamp = try await context.pb.pbBallotStamp(process: slug)
            let tally = try await context.results.tally(slug + "|" + chosen.rawValue, stamp: stamp) { [pb = context.pb] in
                let (_, box) = try await pb.pbBox(process: slug)
                do {
                    return PBResultsCache.Tally(results: try PBProcessResults.run(process, box: box, rule: chosen),
                                                ballots: box.ballots.count)
                } catch {
                    throw BilingualError(.unprocessableEntity, fa: "شمارش رأی‌ها ممکن نشد.", en: "The tally failed: \(error)")
                }
            }
            let provisional = context.settings.now() < published
            let html = PBResultsPage.render(slug, process, rule: chosen, results: tally.results, ballots: tally.ballots,
                                            provisional: provisional,
                                            regions: await context.regionNames(stored.definition.settings), language)
            return PortalPages.htmlResponse(html, language: language)
        }
        PBVoteRoutes.register(app, context: context)
        PBSMSRoutes.register(app, context: context)
    }
}
