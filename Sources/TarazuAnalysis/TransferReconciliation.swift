import Foundation
import TarazuCore

/// A transfer between two entities of the municipal group whose two sides disagree: what the paying
/// entity's spending lines send is not what the receiving entity's revenue lines receive. A data-quality
/// finding with both sides' rows; consolidation leaves both sides out either way.
public struct TransferMismatch: Hashable, Codable, Sendable {
    /// Which amounts disagree.
    public enum Amounts: String, Hashable, Codable, Sendable {
        case approved
        case realized
    }

    public var year: Int
    /// The paying entity's code.
    public var payer: String
    /// The receiving entity's code.
    public var receiver: String
    public var amounts: Amounts
    /// The sum of the payer's transfer lines to the receiver (budget_lines).
    public var paid: Money
    /// The sum of the receiver's transfer lines from the payer (revenues).
    public var received: Money
    /// The line ids of the paying side, in budget_lines.
    public var paymentLines: [String]
    /// The line ids of the receiving side, in revenues.
    public var receiptLines: [String]

    /// The finding in `language`, with both amounts, both entities by name and both sides' rows.
    public func text(_ language: TextLanguage, entities: [Entity]) -> String {
        let numerals = Numerals(language: language)
        func name(_ code: String) -> String { entities.first { $0.code == code }?.name(language) ?? code }
        func rows(_ ids: [String]) -> String {
            guard !ids.isEmpty else { return language == .fa ? "بی‌ردیف" : "no line" }
            let shown = ids.prefix(5).map { language == .fa ? PersianText.identifier($0) : $0 }.joined(separator: language == .fa ? "، " : ", ")
            let more = ids.count > 5 ? (language == .fa ? " و \(numerals.integer(Int64(ids.count - 5))) ردیف دیگر" : " and \(ids.count - 5) more") : ""
            return shown + more
        }
        let what = amounts == .approved ? (language == .fa ? "اعتبار مصوب" : "approved") : (language == .fa ? "عملکرد" : "realized")
        if language == .fa {
            return "انتقال از \(name(payer)) به \(name(receiver)) در \(numerals.year(year)): \(what) در مصارف پرداخت‌کننده "
                + "\(numerals.scaledRials(paid.rials)) (ردیف \(rows(paymentLines)) در ردیف‌های بودجه) و در منابع دریافت‌کننده "
                + "\(numerals.scaledRials(received.rials)) (ردیف \(rows(receiptLines)) در درآمدها)."
        }
        return "Transfer from \(name(payer)) to \(name(receiver)) in \(year): \(what) \(numerals.scaledRials(paid.rials)) in the payer's "
            + "spending (budget_lines \(rows(paymentLines))) and \(numerals.scaledRials(received.rials)) in the receiver's sources "
            + "(revenues \(rows(receiptLines)))."
    }
}

/// Matches the two sides of every transfer between the book's entities.
public enum TransferReconciliation {
    /// Every pair of entities and year whose transfer sides disagree, in approved or (when both sides
    /// report it) realized amounts; `year` limits the check to one year. Ordered by year, payer, receiver.
    public static func mismatches(in book: BudgetBook, year: Int? = nil) throws(Money.Overflow) -> [TransferMismatch] {
        struct Key: Hashable, Comparable {
            var year: Int, payer: String, receiver: String
            static func < (lhs: Key, rhs: Key) -> Bool {
                (lhs.year, lhs.payer, lhs.receiver) < (rhs.year, rhs.payer, rhs.receiver)
            }
        }
        struct Side {
            var approved = Money.zero
            var realized: Money?
            var lines: [String] = []
        }
        var paid: [Key: Side] = [:], received: [Key: Side] = [:]
        for line in book.transferPayments where year.map({ $0 == line.year }) ?? true {
            guard let payer = line.entityCode, let receiver = line.counterpartEntityCode else { continue }
            let key = Key(year: line.year, payer: payer, receiver: receiver)
            var side = paid[key] ?? Side()
            side.approved = try side.approved.adding(line.approved)
            if let realized = line.realized { side.realized = try (side.realized ?? .zero).adding(realized) }
            side.lines.append(line.lineId)
            paid[key] = side
        }
        for line in book.transferReceipts where year.map({ $0 == line.year }) ?? true {
            guard let receiver = line.entityCode, let payer = line.counterpartEntityCode else { continue }
            let key = Key(year: line.year, payer: payer, receiver: receiver)
            var side = received[key] ?? Side()
            side.approved = try side.approved.adding(line.approved)
            if let realized = line.realized { side.realized = try (side.realized ?? .zero).adding(realized) }
            side.lines.append(line.lineId)
            received[key] = side
        }
        var found: [TransferMismatch] = []
        for key in Set(paid.keys).union(received.keys).sorted() {
            let out = paid[key] ?? Side(), into = received[key] ?? Side()
            func mismatch(_ amounts: TransferMismatch.Amounts, _ left: Money, _ right: Money) -> TransferMismatch {
                TransferMismatch(year: key.year, payer: key.payer, receiver: key.receiver, amounts: amounts, paid: left, received: right,
                                 paymentLines: out.lines, receiptLines: into.lines)
            }
            if out.approved != into.approved || out.lines.isEmpty || into.lines.isEmpty {
                found.append(mismatch(.approved, out.approved, into.approved))
            } else if let left = out.realized, let right = into.realized, left != right {
                found.append(mismatch(.realized, left, right))
            }
        }
        return found
    }
}
