import ShouhuEvents

/// The seed's definitions of the guardian rating (委托监护人评估), seed 000 篇二 "评估风险，明确
/// 分级": "对委托监护人进行评估，较好：…；一般：…；差：…".
extension GuardianRating {
    /// The seed's definition, quoted.
    ///
    /// - 较好 (good): the guardian guards well; living, education and health are well provided.
    /// - 一般 (fair): the guardian basically guards, but there is a latent risk of deviant
    ///   behaviour or psychological problems.
    /// - 差 (poor): no guardian, or the guardian cannot guard; the child is prone to deviant
    ///   behaviour, dropping out, running away or begging.
    public var definition: String {
        switch self {
        case .good:
            return "委托监护人较好履行监护职责，留守未成年人生活、教育、身心健康等方面得到较好保障。"
        case .fair:
            return "委托监护人能基本履行监护职责，未成年人生活、教育、身心健康等方面得到基本保障，但未成年人有产生行为偏差、心理失当等情况的潜在风险。"
        case .poor:
            return
                "无监护人或委托监护人不能履行监护职责，缺乏良好的引导和关怀，未成年人的生活、教育、身心健康得不到有效保障，容易出现行为偏差、心理失当、辍学、外出流浪乞讨等非正常情况。"
        }
    }

    /// The officer's word: 较好, 一般, 差.
    public var chineseName: String {
        switch self {
        case .good: return "较好"
        case .fair: return "一般"
        case .poor: return "差"
        }
    }
}
