public import ShouhuEvents

/// Everything a payment file says, frozen at approval: the fund's own account, and one credit
/// transfer per child. The same order always writes the same bytes.
public struct PaymentOrder: Sendable, Hashable {
    /// The account the fund pays from (付款账户), from the county's settings.
    public struct Debtor: Sendable, Hashable {
        /// The account holder's name, e.g. 习水县民政局.
        public var name: String
        /// The account number.
        public var account: String
        /// The bank's name.
        public var bankName: String?
        /// The bank's BIC (SWIFT code), if it has one.
        public var bankBIC: String?
        /// The bank branch's CNAPS code (联行号, 12 digits), if known.
        public var bankCode: String?

        /// Makes the debtor.
        public init(name: String, account: String, bankName: String? = nil, bankBIC: String? = nil, bankCode: String? = nil) {
            self.name = name
            self.account = account
            self.bankName = bankName
            self.bankBIC = bankBIC
            self.bankCode = bankCode
        }
    }

    /// One transfer to one child's payee account.
    public struct Transfer: Sendable, Hashable {
        /// The payment reference (EndToEndId, 付款参考号), unique and stable.
        public var reference: String
        public var amountFen: Int64
        /// The account holder (收款人).
        public var holderName: String
        /// The account number, in full: this file is for the bank only.
        public var account: String
        /// The payee's bank (开户行).
        public var bankName: String
        /// The branch's CNAPS code (联行号), if entered.
        public var bankCode: String?
        /// What the payment is for (用途), up to 140 characters.
        public var purpose: String

        /// Makes a transfer.
        public init(reference: String, amountFen: Int64, holderName: String, account: String, bankName: String, bankCode: String?, purpose: String) {
            self.reference = reference
            self.amountFen = amountFen
            self.holderName = holderName
            self.account = account
            self.bankName = bankName
            self.bankCode = bankCode
            self.purpose = purpose
        }
    }

    /// The message id (MsgId), stable per batch, at most 35 characters.
    public var messageId: String
    /// The payment information id (PmtInfId), stable per batch.
    public var paymentInfoId: String
    /// When the order was made: the batch's approval time, RFC 3339 UTC (`2026-09-01T02:00:00Z`).
    public var createdAt: String
    /// The day the bank should pay (ReqdExctnDt): the approval day in county time.
    public var executionDate: CalendarDate
    /// The county's fund (InitgPty and Dbtr).
    public var debtor: Debtor
    /// The transfers, in line order.
    public var transfers: [Transfer]

    /// Makes an order.
    public init(messageId: String, paymentInfoId: String, createdAt: String, executionDate: CalendarDate, debtor: Debtor, transfers: [Transfer]) {
        self.messageId = messageId
        self.paymentInfoId = paymentInfoId
        self.createdAt = createdAt
        self.executionDate = executionDate
        self.debtor = debtor
        self.transfers = transfers
    }

    /// The number of transfers (NbOfTxs).
    public var count: Int { transfers.count }
    /// Their sum (CtrlSum), in fen.
    public var totalFen: Int64 { transfers.reduce(0) { $0 + $1.amountFen } }
}
