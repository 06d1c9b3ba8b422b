/// Who looks after the child day to day while the parents are away (监护人与儿童关系).
/// The assessment derives the guardian category (被监护人类型, seed 000 篇二) from it.
public enum GuardianRelation: String, Codable, Sendable, CaseIterable, Hashable {
    /// A grandparent (祖父母/外祖父母): category 3.
    case grandparent
    /// Another relative (其他亲属): category 2.
    case otherRelative = "other_relative"
    /// A parent at home who cannot fully guard (disabled or seriously ill), under the
    /// one-parent-incapable rule of the 2016 national definition.
    case parent
    /// A guardian designated by the village or community (社区指定) for a child who had none.
    case designated
    /// Nobody acts as guardian: category 1, the township must designate one.
    case none
}

/// Written and read by the fast codec as its raw value.
extension GuardianRelation: WireStringEnum {}
