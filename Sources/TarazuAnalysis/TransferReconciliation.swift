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

    /// The finding in `language`: both entities by name, both amounts and their difference, and both sides' line
    /// ids as the book's files write them.
    public func text(_ language: TextLanguage, entities: [Entity]) -> String {
        let numerals = Numerals(language: language)
        func name(_ code: String) -> String { entities.first { $0.code == code }?.name(language) ?? code }
        func ids(_ list: [String]) -> String {
            let shown = list.prefix(5).map { language == .fa ? "\u{2066}\($0)\u{2069}" : $0 }.joined(separator: language == .fa ? "، " : ", ")
            let more = list.count > 5 ? (language == .fa ? " و \(numerals.integer(Int64(list.count - 5))) ردیف دیگر" : " and \(list.count - 5) more") : ""
            return shown + more
        }
        let gap = Money(rials: paid.rials.magnitude > received.rials.magnitude ? paid.rials - received.rials : received.rials - paid.rials)
        if language == .fa {
            let what = amounts == .approved ? "رقم مصوب" : "عملکرد"
            var text = "انتقال \(name(payer)) به \(name(receiver))، سال \(numerals.year(year)): "
            if paymentLines.isEmpty {
                text += "\(what) آن در منابع \(name(receiver)) \(numerals.scaledRials(received.rials)) آمده است، ولی در مصارف \(name(payer)) ردیفی برای این انتقال نیست."
            } else if receiptLines.isEmpty {
                text += "\(what) آن در مصارف \(name(payer)) \(numerals.scaledRials(paid.rials)) آمده است، ولی در منابع \(name(receiver)) ردیفی برای این انتقال نیست."
            } else {
                text += "\(what) در مصارف \(name(payer)) \(numerals.scaledRials(paid.rials)) و در منابع \(name(receiver)) \(numerals.scaledRials(received.rials)) است (اختلاف \(numerals.scaledRials(gap.rials)))."
            }
            var files: [String] = []
            if !paymentLines.isEmpty { files.append(ids(paymentLines) + " (ردیف‌های بودجه)") }
            if !receiptLines.isEmpty { files.append(ids(receiptLines) + " (درآمدها)") }
            return text + " شناسهٔ ردیف‌ها در پرونده‌های کتاب: " + files.joined(separator: " و ") + "."
        }
        let what = amounts == .approved ? "approved" : "realized"
        var text = "Transfer from \(name(payer)) to \(name(receiver)), \(year): \(what) "
            + (paymentLines.isEmpty ? "nothing in the payer's spending (no budget line names \(receiver) as counterpart)"
                : "\(numerals.scaledRials(paid.rials)) in the payer's spending (budget_lines \(ids(paymentLines)))")
            + " and "
            + (receiptLines.isEmpty ? "nothing in the receiver's sources (no revenue line names \(payer) as counterpart)"
                : "\(numerals.scaledRials(received.rials)) in the receiver's sources (revenues \(ids(receiptLines)))")
        if !paymentLines.isEmpty, !receiptLines.isEmpty { text += "; difference \(numerals.scaledRials(gap.rials))" }
        return text + "."
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
        func add(_ key: Key, _ approved: Money, _ realized: Money?, _ id: String, to sides: inout [Key: Side]) throws(Money.Overflow) {
            var side = sides[key] ?? Side()
            side.approved = try side.approved.adding(approved)
            if let realized { side.realized = try (side.realized ?? .zero).adding(realized) }
            side.lines.append(id)
            sides[key] = side
        }
        for line in book.transferPayments where year.map({ $0 == line.year }) ?? true {
            guard let payer = line.entityCode, let receiver = line.counterpartEntityCode else { continue }
            try add(Key(year: line.year, payer: payer, receiver: receiver), line.approved, line.realized, line.lineId, to: &paid)
        }
        for line in book.transferReceipts where year.map({ $0 == line.year }) ?? true {
            guard let receiver = line.entityCode, let payer = line.counterpartEntityCode else { continue }
            try add(Key(year: line.year, payer: payer, receiver: receiver), line.approved, line.realized, line.lineId, to: &received)
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
