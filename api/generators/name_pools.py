"""Name pools of the world generator: people, factions, creatures, items; Vietnamese and English.

Names are built by combination (family x middle x given, adjective x noun, prefix x root),
so each pattern yields thousands of names and a world of 200 never runs out.
"""

from __future__ import annotations


class Compose:
    """A name pattern: parts joined by `joiner`; each a literal, a choice tuple or a Compose."""

    def __init__(self, joiner: str, *parts, distinct: bool = False):
        self.joiner = joiner
        self.parts = parts
        self.distinct = distinct    # re-roll when two parts come out the same ("Hà Hà")

    def build(self, rng) -> str:
        """One name drawn from the pattern."""
        for _ in range(8):
            words = [pick(rng, part) for part in self.parts]
            if not self.distinct or len(set(words)) == len(words):
                break
        return self.joiner.join(words)


def pick(rng, part) -> str:
    """Resolve one part of a pattern to text."""
    if isinstance(part, str):
        return part
    if isinstance(part, Compose):
        return part.build(rng)
    return pick(rng, rng.choice(part))


# Vietnamese people ---------------------------------------------------------------------------

VI_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
             "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lưu", "Mai", "Cao",
             "Tạ", "Lâm", "Đoàn")
VI_MIDDLE_M = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Quốc", "Gia", "Bảo",
               "Đình", "Xuân")
VI_MIDDLE_F = ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hoài", "Phương", "Diệu", "Mỹ", "Bích",
               "Bảo", "Khánh")
VI_GIVEN_M = ("An", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hùng", "Huy", "Khang",
              "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc",
              "Quân", "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
              "Đạt", "Đông", "Hưng", "Lộc", "Tùng")
VI_GIVEN_F = ("Anh", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương",
              "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung",
              "Oanh", "Quỳnh", "Tâm", "Thảo", "Thư", "Thủy", "Trang", "Trinh", "Uyên", "Vân",
              "Vy", "Xuân", "Yến", "Hồng", "Nhi")
VI_MALE = Compose(" ", VI_FAMILY, VI_MIDDLE_M, VI_GIVEN_M)
VI_FEMALE = Compose(" ", VI_FAMILY, VI_MIDDLE_F, VI_GIVEN_F)
# Four-syllable names are common too; they widen the pool when a world is crowded.
VI_MALE_LONG = Compose(" ", VI_FAMILY, VI_MIDDLE_M, VI_GIVEN_M, VI_GIVEN_M, distinct=True)
VI_FEMALE_LONG = Compose(" ", VI_FAMILY, VI_MIDDLE_F, VI_GIVEN_F, VI_GIVEN_F, distinct=True)

# English people ------------------------------------------------------------------------------

EN_GIVEN_M = ("Alan", "Arthur", "Benedict", "Cedric", "Daniel", "Edmund", "Edward", "Felix",
              "Gareth", "Gregory", "Henry", "Hugh", "Isaac", "Jasper", "Julian", "Laurence",
              "Leo", "Marcus", "Nathaniel", "Oliver", "Owen", "Peter", "Rowan", "Samuel",
              "Simon", "Theodore", "Thomas", "Tobias", "Walter", "William")
EN_GIVEN_F = ("Ada", "Alice", "Amelia", "Beatrice", "Catherine", "Clara", "Eleanor", "Eliza",
              "Emma", "Evelyn", "Florence", "Grace", "Harriet", "Helen", "Iris", "Isabel",
              "Josephine", "Julia", "Lucy", "Mabel", "Margaret", "Matilda", "Miriam", "Nora",
              "Olivia", "Rose", "Sophia", "Violet", "Willa", "Rosalind")
EN_FAMILY = ("Ashworth", "Barlow", "Blackwood", "Bramley", "Carver", "Cooper", "Crane",
             "Dalton", "Everett", "Fairfax", "Fletcher", "Garrett", "Hale", "Harper",
             "Hawthorne", "Holloway", "Kendall", "Langley", "Marlowe", "Mercer", "Morrow",
             "Pembroke", "Prescott", "Quill", "Radley", "Sinclair", "Stanton", "Sutton", "Thorne",
             "Underwood", "Wainwright", "Whitlock", "Wren", "Yardley")
FANTASY_GIVEN_M = ("Aldric", "Brannoc", "Caelan", "Dorian", "Elric", "Faelan", "Garrick",
                   "Halvard", "Ivor", "Jorund", "Kael", "Lorcan", "Merrick", "Orin", "Perrin",
                   "Roderic", "Soren", "Tristan", "Ulric", "Varian")
FANTASY_GIVEN_F = ("Aelwen", "Brienne", "Caelia", "Elowen", "Isolde", "Lyra", "Maelis",
                   "Morwen", "Nerys", "Rhiannon", "Seren", "Talia", "Yseult", "Wynne", "Eira",
                   "Ilse", "Gwendolyn", "Maren", "Sabine", "Vanora")
FANTASY_FAMILY = Compose("", ("Ash", "Black", "Bright", "Oak", "Raven", "Stone", "Storm",
                              "Thorn", "Wolf", "Frost", "Iron", "Gold", "Silver", "Red",
                              "Green", "High", "Moon", "Star", "Wind", "Elder"),
                         ("wood", "ford", "vale", "brook", "crest", "field", "hart", "helm",
                          "more", "shaw", "wick", "ridge", "holt", "mere", "fall"))
SCIFI_GIVEN_M = ("Dax", "Ezra", "Kai", "Orion", "Soren", "Talon", "Ryker", "Idris", "Jax",
                 "Tycho", "Osric", "Pax", "Remy", "Theo", "Cassius", "Luca", "Milo", "Zane")
SCIFI_GIVEN_F = ("Aria", "Cass", "Juno", "Lyra", "Nova", "Quinn", "Rhea", "Vega", "Zara",
                 "Sloane", "Mira", "Kestrel", "Wren", "Lux", "Nyx", "Sable", "Ines", "Tamsin")
SCIFI_FAMILY = ("Voss", "Kade", "Rourke", "Okafor", "Castellan", "Drax", "Ishikawa",
                "Lindqvist", "Marrow", "Navarro", "Orlov", "Petrov", "Quell", "Reyes", "Stroud",
                "Tanaka", "Vance", "Wexler", "Yoon", "Zhou", "Adeyemi", "Brandt", "Calloway",
                "Delacroix", "Fenwick", "Grayson", "Halloran", "Kovacs", "Mbeki", "Sato")
EN_INITIAL = tuple("ABCDEFGHJKLMNPRSTW")


def _en(given, family) -> Compose:
    return Compose(" ", given, family)


def _en_long(given, family) -> Compose:
    return Compose(" ", given, Compose("", EN_INITIAL, "."), family)


# Per world type: (male, female) patterns, and wider ones for a crowded world.
PEOPLE = {
    "fantasy": {"vi": (VI_MALE, VI_FEMALE),
                "en": (_en(FANTASY_GIVEN_M + EN_GIVEN_M, FANTASY_FAMILY),
                       _en(FANTASY_GIVEN_F + EN_GIVEN_F, FANTASY_FAMILY))},
    "sci-fi": {"vi": (VI_MALE, VI_FEMALE),
               "en": (_en(SCIFI_GIVEN_M + EN_GIVEN_M, SCIFI_FAMILY),
                      _en(SCIFI_GIVEN_F + EN_GIVEN_F, SCIFI_FAMILY))},
    "modern": {"vi": (VI_MALE, VI_FEMALE),
               "en": (_en(EN_GIVEN_M, EN_FAMILY + SCIFI_FAMILY),
                      _en(EN_GIVEN_F, EN_FAMILY + SCIFI_FAMILY))},
    "historical": {"vi": (VI_MALE, VI_FEMALE),
                   "en": (_en(EN_GIVEN_M, EN_FAMILY), _en(EN_GIVEN_F, EN_FAMILY))},
}
PEOPLE_CROWDED = {
    "vi": (VI_MALE_LONG, VI_FEMALE_LONG),
    "en": (_en_long(EN_GIVEN_M + FANTASY_GIVEN_M + SCIFI_GIVEN_M, EN_FAMILY + SCIFI_FAMILY),
           _en_long(EN_GIVEN_F + FANTASY_GIVEN_F + SCIFI_GIVEN_F, EN_FAMILY + SCIFI_FAMILY)),
}

# Aliases: "{given}" is the person's given name.
EN_EPITHETS = {
    "fantasy": ("{given} the Bold", "{given} the Grey", "{given} the Wise", "{given} Ironhand",
                "{given} the Wanderer", "{given} Stormborn", "{given} the Silent",
                "{given} the Fair", "{given} Oathkeeper", "{given} Thornheart",
                "{given} the Unbroken", "{given} Half-Moon"),
    "sci-fi": ("Ghost", "Vector", "Halo", "Rook", "Static", "Blink", "Nomad", "Cipher", "Spark",
               "Echo", "Jinx", "Flint", "Viper", "Glitch", "Orbit", "Comet", "Drift", "Patch"),
    "modern": ("{given} {initial}.", "Doc {given}", "Coach {given}", "Little {given}",
               "Big {given}"),
    "historical": ("{given} the Elder", "{given} the Younger", "{given} the Just",
                   "{given} the Pious", "{given} Lionheart", "{given} the Learned",
                   "{given} the Good", "{given} Longshanks"),
}
VI_HONORIFICS = {("young", "m"): ("Anh {given}", "Cậu {given}", "Tiểu {given}"),
                 ("young", "f"): ("Cô {given}", "Chị {given}", "Tiểu {given}"),
                 ("old", "m"): ("Ông {given}", "Bác {given}", "Lão {given}"),
                 ("old", "f"): ("Bà {given}", "Dì {given}", "Cụ {given}")}

# Factions, creatures and items ---------------------------------------------------------------

VI_MYSTIC_A = ("Thiên", "Bạch", "Hắc", "Thanh", "Kim", "Huyền", "Hỏa", "Lôi", "Ngọc", "Tử",
               "Vân", "Phong", "Xích", "Nguyệt")
VI_MYSTIC_B = ("Long", "Hổ", "Phong", "Vân", "Sơn", "Kiếm", "Ưng", "Hạc", "Nguyệt", "Tinh",
               "Liên", "Điệp", "Quy", "Lân")
VI_MYSTIC = Compose(" ", VI_MYSTIC_A, VI_MYSTIC_B, distinct=True)
VI_LUCKY = Compose(" ", ("Sao", "Bình", "Phương", "Hoàng", "Thiên", "Đại", "Tân", "Hưng",
                         "Phú", "An", "Việt", "Minh", "Hồng", "Trường"),
                   ("Mai", "Minh", "Nam", "Long", "Phú", "Thịnh", "Phát", "Thành", "Lộc",
                    "Khang", "Tiến", "Hòa", "Sơn", "Hải"), distinct=True)
VI_COSMIC = ("Ngân Hà", "Tinh Vân", "Thái Dương", "Bắc Đẩu", "Viễn Tinh", "Hằng Tinh",
             "Sao Mai", "Thiên Hà", "Hư Không", "Bình Minh", "Sao Băng", "Nam Tào")

FACTIONS = {
    "fantasy": {
        "vi": Compose(" ", ("Hội", "Phái", "Bang", "Môn phái", "Giáo phái"), VI_MYSTIC),
        "en": Compose(" ", "The", ("Silver", "Crimson", "Iron", "Ashen", "Golden", "Hollow",
                                   "Verdant", "Obsidian", "Azure", "Twilight", "Broken",
                                   "Silent", "Gilded", "Black", "Ember"),
                      ("Order", "Circle", "Company", "Brotherhood", "Covenant", "Guild",
                       "Watch", "Hand", "League", "Conclave", "Legion", "Council",
                       "Syndicate", "Band", "Court"))},
    "sci-fi": {
        "vi": Compose(" ", ("Liên minh", "Hạm đội", "Tập đoàn", "Hiệp hội", "Liên bang",
                            "Nghiệp đoàn"), VI_COSMIC),
        "en": Compose(" ", ("Solar", "Outer Rim", "Orbital", "Free", "United", "Stellar",
                            "Quantum", "Frontier", "Terran", "Nebula", "Helios", "Void",
                            "Meridian", "Titan", "Ceres"),
                      ("Syndicate", "Coalition", "Directorate", "Collective", "Accord",
                       "Consortium", "Union", "Fleet", "Authority", "Alliance", "Combine",
                       "Mandate", "Cartel", "Institute", "Guard"))},
    "modern": {
        "vi": Compose(" ", ("Công ty", "Tập đoàn", "Câu lạc bộ", "Hội", "Quỹ", "Nhóm"),
                      VI_LUCKY),
        "en": Compose(" ", EN_FAMILY, ("Holdings", "Media", "Group", "Partners", "Labs",
                                       "Foundation", "& Sons", "Records", "Athletic Club",
                                       "Logistics"))},
    "historical": {
        "vi": (Compose(" ", ("Nghĩa quân", "Hội", "Phường", "Đạo quân"), VI_MYSTIC),
               Compose(" ", "Dòng họ", VI_FAMILY)),
        "en": (Compose(" ", "House", EN_FAMILY),
               Compose(" ", "The", ("Merchant", "Free", "White", "Black", "Royal", "Pilgrim",
                                    "Grey"),
                       ("Company", "Guild", "Brotherhood", "Order", "Fellowship")))},
}

CREATURES = {
    "fantasy": {
        "vi": Compose(" ", ("Rồng", "Hổ", "Rắn", "Phượng", "Kỳ Lân", "Rùa", "Hạc", "Sói",
                            "Ưng", "Cáo", "Ngựa", "Cá Chép"),
                      ("Lửa", "Băng", "Đá", "Bóng Đêm", "Sấm", "Vàng", "Bạc", "Gió", "Trăng",
                       "Máu", "Rừng", "Biển")),
        "en": Compose(" ", ("Ash", "Frost", "Storm", "Shadow", "Thorn", "Bone", "Ember", "Mire",
                            "Stone", "Moon", "Blood", "Glass"),
                      ("Drake", "Wyrm", "Wolf", "Stag", "Serpent", "Wraith", "Griffin",
                       "Troll", "Basilisk", "Hound", "Raven", "Toad"))},
    "sci-fi": {
        "vi": Compose(" ", ("Bọ", "Sứa", "Rết", "Cá voi", "Thằn lằn", "Nhện", "Giun", "Bướm"),
                      ("Tinh Thể", "Hư Không", "Sao Băng", "Bóng Tối", "Băng Giá", "Ánh Sáng",
                       "Lưu Huỳnh", "Bụi Sao")),
        "en": Compose(" ", ("Vantari", "Xel", "Korrin", "Theban", "Ulmar", "Quorran", "Sessile",
                            "Rift", "Lumen", "Cryo", "Hadal", "Ferrous"),
                      ("Crawler", "Swarm", "Leviathan", "Stalker", "Drifter", "Hive", "Mite",
                       "Behemoth", "Skimmer", "Warden", "Spore", "Mimic"))},
}

ITEMS = {
    "fantasy": {
        "vi": Compose(" ", ("Kiếm", "Ấn", "Gương", "Đàn", "Nhẫn", "Sáo", "Cung", "Giáp",
                            "Bình", "Chuông", "Đèn", "Sách"), VI_MYSTIC),
        "en": Compose(" ", "The", ("Sunforged", "Whispering", "Frostbitten", "Silver",
                                   "Obsidian", "Runed", "Ancient", "Gilded", "Shadowed",
                                   "Starlit", "Broken", "Crimson"),
                      ("Sword", "Crown", "Amulet", "Staff", "Ring", "Tome", "Shield",
                       "Chalice", "Lantern", "Bow", "Dagger", "Horn"))},
    "sci-fi": {
        "vi": Compose(" ", ("Phi thuyền", "Tàu", "Lõi", "Thiết bị", "Khiên"), VI_COSMIC),
        "en": Compose(" ", "The", ("Silent", "Distant", "Burning", "Endless", "Crimson",
                                   "Radiant", "Restless", "Hollow", "Iron", "Last", "Pale",
                                   "Wandering"),
                      ("Meridian", "Horizon", "Comet", "Voyager", "Sparrow", "Aurora",
                       "Tempest", "Harbinger", "Lantern", "Pilgrim", "Zenith", "Odyssey"))},
    "modern": {
        "vi": Compose(" ", ("Cuốn nhật ký", "Chiếc đồng hồ", "Bức tranh", "Cây đàn",
                            "Chiếc xe", "Cuốn sổ"), VI_LUCKY),
        "en": Compose(" ", "The", EN_FAMILY, ("Notebook", "Watch", "Painting", "Guitar",
                                              "Letters", "Camera", "Ledger")),
    },
    "historical": {
        "vi": Compose(" ", ("Kiếm", "Ấn", "Trống đồng", "Chiếu chỉ", "Sắc phong", "Bản đồ"),
                      VI_MYSTIC),
        "en": Compose(" ", "The", EN_FAMILY, ("Charter", "Seal", "Chronicle", "Chalice",
                                              "Tapestry", "Psalter", "Sword")),
    },
}
