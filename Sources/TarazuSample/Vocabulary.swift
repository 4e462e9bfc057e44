import TarazuCore

/// The Persian names the generator gives departments, programs and projects.
enum Vocabulary {
    /// The deputy (معاونت) in charge of a function at the central organisation.
    static func centralDepartment(_ function: String) -> String {
        switch function {
        case "social_cultural": "معاونت فرهنگی و اجتماعی"
        case "transport_traffic": "معاونت حمل‌ونقل و ترافیک"
        case "urban_services_environment": "معاونت خدمات شهری و محیط زیست"
        case "safety_crisis": "سازمان آتش‌نشانی و خدمات ایمنی"
        case "urban_planning": "معاونت شهرسازی و معماری"
        default: "معاونت برنامه‌ریزی و توسعه سرمایه انسانی"
        }
    }

    static let civilWorksDepartment = "معاونت فنی و عمرانی"
    static let financeDepartment = "معاونت مالی و اقتصادی"

    static func regionDepartment(_ code: String) -> String {
        "شهرداری منطقه " + PersianText.persianDigits(code)
    }

    /// Current-expenditure programs of a function; the first ones are also run by the regions.
    static func currentPrograms(_ function: String) -> [String] {
        switch function {
        case "social_cultural": ["برنامه‌های فرهنگی و مناسبتی", "اداره فرهنگسراها و کتابخانه‌ها", "آموزش شهروندی"]
        case "transport_traffic": ["نگهداری علائم و تجهیزات ترافیکی", "نگهداری و روکش معابر", "یارانه حمل‌ونقل عمومی"]
        case "urban_services_environment": ["رفت‌وروب و جمع‌آوری پسماند", "نگهداری فضای سبز", "پایش محیط زیست و کنترل آلودگی"]
        case "safety_crisis": ["عملیات آتش‌نشانی و امداد", "آمادگی و مدیریت بحران", "ایمنی ساختمان‌ها"]
        case "urban_planning": ["صدور پروانه و کنترل ساخت‌وساز", "حفاظت از بافت تاریخی", "تهیه طرح‌های تفصیلی"]
        default: ["خدمات اداری و پشتیبانی", "حقوق و مزایای کارکنان", "توسعه شهر هوشمند و سامانه‌ها"]
        }
    }

    /// The capital program of a function: minor civil works and the function's projects.
    static func capitalProgram(_ function: String) -> String {
        switch function {
        case "social_cultural": "احداث و تجهیز اماکن فرهنگی و ورزشی"
        case "transport_traffic": "توسعه و بهسازی شبکه معابر"
        case "urban_services_environment": "توسعه فضای سبز و تأسیسات شهری"
        case "safety_crisis": "توسعه ایستگاه‌ها و تجهیزات ایمنی"
        case "urban_planning": "بهسازی و نوسازی بافت‌های فرسوده و تاریخی"
        default: "تجهیزات، ساختمان‌ها و زیرساخت هوشمند"
        }
    }

    static let financialPrograms = ["بازپرداخت اصل و سود تسهیلات", "بازپرداخت اوراق مشارکت", "تسویه بدهی به پیمانکاران"]
    static let financialWeights: [Int64] = [50, 30, 20]
    static let contingencyProgram = "اعتبارات پیش‌بینی‌نشده"

    /// A kind of project a function builds, with the words for its name and its relative yearly cost.
    struct ProjectKind {
        var type: ProjectType
        var nameFa: String
        var nameEn: String
        var weight: Int64
        var yearlyCost: Int64
    }

    static func projectKinds(_ function: String) -> [ProjectKind] {
        switch function {
        case "social_cultural":
            [ProjectKind(type: .building, nameFa: "احداث فرهنگسرا", nameEn: "Cultural centre", weight: 40, yearlyCost: 25),
             ProjectKind(type: .building, nameFa: "احداث سرای محله", nameEn: "Neighbourhood house", weight: 35, yearlyCost: 12),
             ProjectKind(type: .park, nameFa: "احداث مجموعه ورزشی روباز", nameEn: "Open-air sports ground", weight: 25, yearlyCost: 10)]
        case "transport_traffic":
            [ProjectKind(type: .road, nameFa: "تعریض و بهسازی خیابان", nameEn: "Street widening", weight: 30, yearlyCost: 30),
             ProjectKind(type: .road, nameFa: "احداث بلوار", nameEn: "Boulevard", weight: 20, yearlyCost: 40),
             ProjectKind(type: .bridge, nameFa: "احداث تقاطع غیرهمسطح", nameEn: "Grade-separated interchange", weight: 20, yearlyCost: 90),
             ProjectKind(type: .bridge, nameFa: "احداث پل عابر پیاده", nameEn: "Pedestrian bridge", weight: 10, yearlyCost: 8),
             ProjectKind(type: .tunnel, nameFa: "احداث زیرگذر", nameEn: "Underpass", weight: 12, yearlyCost: 120),
             ProjectKind(type: .network, nameFa: "هوشمندسازی تقاطع‌ها", nameEn: "Smart traffic signals", weight: 8, yearlyCost: 10)]
        case "urban_services_environment":
            [ProjectKind(type: .park, nameFa: "احداث بوستان محله‌ای", nameEn: "Neighbourhood park", weight: 40, yearlyCost: 12),
             ProjectKind(type: .park, nameFa: "توسعه کمربند سبز", nameEn: "Green belt", weight: 15, yearlyCost: 20),
             ProjectKind(type: .network, nameFa: "اصلاح شبکه جمع‌آوری آب‌های سطحی", nameEn: "Surface-water drainage", weight: 35, yearlyCost: 22),
             ProjectKind(type: .building, nameFa: "احداث ایستگاه انتقال پسماند", nameEn: "Waste transfer station", weight: 10, yearlyCost: 18)]
        case "safety_crisis":
            [ProjectKind(type: .building, nameFa: "احداث ایستگاه آتش‌نشانی", nameEn: "Fire station", weight: 75, yearlyCost: 15),
             ProjectKind(type: .network, nameFa: "احداث شبکه هشدار بحران", nameEn: "Crisis warning network", weight: 25, yearlyCost: 10)]
        case "urban_planning":
            [ProjectKind(type: .other, nameFa: "بهسازی بافت تاریخی", nameEn: "Historic fabric renewal", weight: 60, yearlyCost: 20),
             ProjectKind(type: .road, nameFa: "بازگشایی معبر", nameEn: "Passage opening", weight: 40, yearlyCost: 25)]
        default:
            [ProjectKind(type: .building, nameFa: "احداث ساختمان اداری", nameEn: "Office building", weight: 40, yearlyCost: 20),
             ProjectKind(type: .network, nameFa: "توسعه شبکه فیبر نوری", nameEn: "Fibre-optic network", weight: 60, yearlyCost: 12)]
        }
    }

    /// How often each function starts a project, per-mille.
    static let projectFunctionWeights: [Int64] = [120, 350, 220, 60, 130, 120]

    static func projectName(_ kind: ProjectKind, number: Int, regionCode: String) -> (fa: String, en: String) {
        let place = regionCode == Region.centralCode ? Region.centralName.fa : "منطقه " + PersianText.persianDigits(regionCode)
        let placeEn = regionCode == Region.centralCode ? Region.centralName.en.lowercased() : "region \(regionCode)"
        return ("\(ezafe(kind.nameFa)) شماره \(PersianText.persianDigits(String(number)))، \(place)",
                "\(kind.nameEn) no. \(number), \(placeEn)")
    }

    /// `name` with the ezafe its last word takes before «شماره» where the script writes it: «فرهنگسرای»,
    /// «تقاطع‌های», «محلهٔ» (the vocabulary's words ending in «ه» are all silent).
    static func ezafe(_ name: String) -> String {
        switch name.last {
        case "ا", "و": name + "ی"
        case "ه": name + "\u{0654}"
        default: name
        }
    }
}
