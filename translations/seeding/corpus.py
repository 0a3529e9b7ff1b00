"""Word lists and parallel sentence templates for seeded news, in en, ru, kk, tr and az.

Every template exists in the five languages with the same slots, so a source paragraph and its
English translation say the same thing with the same names and numbers, as a translated wire
story does. Names of people are made up (first name + surname); places, countries and
organisations are real, the events are not. Forms that a language inflects (Russian genitive
and locative, Turkish and Azerbaijani locative suffixes) are listed whole rather than derived,
so that the text reads as written by a person.
"""

SOURCE_LANGUAGES = ("ru", "kk", "tr", "az")
LANGUAGES = ("en", *SOURCE_LANGUAGES)

# name, slug, the language it files in, website, aliases
AGENCIES = [
    ("Trend", "trend", "ru", "https://en.trend.az", ["Trend News Agency", "Trend.az"]),
    ("Kazinform", "kazinform", "kk", "https://www.inform.kz", ["Kazinform News Agency"]),
    ("AKIpress", "akipress", "ru", "https://akipress.com", ["AKIpress News Agency"]),
    ("Anadolu Agency", "anadolu", "tr", "https://www.aa.com.tr", ["AA", "Anadolu Ajansı"]),
    ("APA", "apa", "az", "https://apa.az", ["APA Information Agency"]),
    ("Report.az", "report-az", "az", "https://report.az", ["Report News Agency"]),
    ("Kabar", "kabar", "ru", "https://kabar.kg", ["Kabar News Agency"]),
    ("Turan", "turan", "az", "https://turan.az", ["Turan Information Agency"]),
]
SECTIONS = [
    ("Politics", "politics"),
    ("Economy", "economy"),
    ("World", "world"),
    ("Energy", "energy"),
    ("Transport", "transport"),
    ("Society", "society"),
]

# Cyrillic (ru, kk) and Latin (en, tr, az) spellings: (male, female) first names and surnames.
FIRST_NAMES = {
    "cyr": (
        ["Ерлан", "Данияр", "Нурлан", "Тимур", "Рашад", "Фарид", "Мурат", "Орхан", "Эмин"],
        ["Айгерим", "Сауле", "Гульнара", "Камила", "Лейла", "Зарина", "Динара", "Эльмира"],
    ),
    "lat": (
        ["Yerlan", "Daniyar", "Nurlan", "Timur", "Rashad", "Farid", "Murat", "Orhan", "Emin"],
        ["Aigerim", "Saule", "Gulnara", "Kamila", "Leyla", "Zarina", "Dinara", "Elmira"],
    ),
}
SURNAMES = {
    "cyr": [
        ("Абенов", "Абенова"),
        ("Сулейменов", "Сулейменова"),
        ("Гасанов", "Гасанова"),
        ("Искаков", "Искакова"),
        ("Мамедов", "Мамедова"),
        ("Жумабаев", "Жумабаева"),
        ("Алиев", "Алиева"),
        ("Токтогулов", "Токтогулова"),
        ("Кенжебаев", "Кенжебаева"),
        ("Рустамов", "Рустамова"),
    ],
    "lat": [
        ("Abenov", "Abenova"),
        ("Suleimenov", "Suleimenova"),
        ("Gasanov", "Gasanova"),
        ("Iskakov", "Iskakova"),
        ("Mammadov", "Mammadova"),
        ("Zhumabayev", "Zhumabayeva"),
        ("Aliyev", "Aliyeva"),
        ("Toktogulov", "Toktogulova"),
        ("Kenzhebayev", "Kenzhebayeva"),
        ("Rustamov", "Rustamova"),
    ],
}
SCRIPT = {"en": "lat", "ru": "cyr", "kk": "cyr", "tr": "lat", "az": "lat"}

# Titles, each as it stands before a name.
TITLES = [
    {"en": "Energy Minister", "ru": "министр энергетики", "kk": "энергетика министрі",
     "tr": "Enerji Bakanı", "az": "energetika naziri"},
    {"en": "Deputy Prime Minister", "ru": "вице-премьер", "kk": "Премьер-министрдің орынбасары",
     "tr": "Başbakan Yardımcısı", "az": "baş nazirin müavini"},
    {"en": "Transport Minister", "ru": "министр транспорта", "kk": "көлік министрі",
     "tr": "Ulaştırma Bakanı", "az": "nəqliyyat naziri"},
    {"en": "Foreign Ministry spokesperson", "ru": "официальный представитель МИД",
     "kk": "СІМ ресми өкілі", "tr": "Dışişleri Bakanlığı Sözcüsü", "az": "XİN-in sözçüsü"},
    {"en": "Central Bank Governor", "ru": "глава Национального банка",
     "kk": "Ұлттық банк төрағасы", "tr": "Merkez Bankası Başkanı",
     "az": "Mərkəzi Bankın sədri"},
    {"en": "Agriculture Minister", "ru": "министр сельского хозяйства",
     "kk": "ауыл шаруашылығы министрі", "tr": "Tarım Bakanı", "az": "kənd təsərrüfatı naziri"},
]  # fmt: skip

PLACES = [
    {"en": "Astana", "ru": "Астана", "kk": "Астана", "tr": "Astana", "az": "Astana"},
    {"en": "Almaty", "ru": "Алматы", "kk": "Алматы", "tr": "Almatı", "az": "Almatı"},
    {"en": "Baku", "ru": "Баку", "kk": "Баку", "tr": "Bakü", "az": "Bakı"},
    {"en": "Bishkek", "ru": "Бишкек", "kk": "Бішкек", "tr": "Bişkek", "az": "Bişkek"},
    {"en": "Tashkent", "ru": "Ташкент", "kk": "Ташкент", "tr": "Taşkent", "az": "Daşkənd"},
    {"en": "Ankara", "ru": "Анкара", "kk": "Анкара", "tr": "Ankara", "az": "Ankara"},
    {"en": "Istanbul", "ru": "Стамбул", "kk": "Стамбул", "tr": "İstanbul", "az": "İstanbul"},
    {"en": "Aktau", "ru": "Актау", "kk": "Ақтау", "tr": "Aktav", "az": "Aktau"},
    {"en": "Shymkent", "ru": "Шымкент", "kk": "Шымкент", "tr": "Çimkent", "az": "Şımkent"},
    {"en": "Ganja", "ru": "Гянджа", "kk": "Гәнжә", "tr": "Gence", "az": "Gəncə"},
    {"en": "Osh", "ru": "Ош", "kk": "Ош", "tr": "Oş", "az": "Oş"},
    {"en": "Samarkand", "ru": "Самарканд", "kk": "Самарқанд", "tr": "Semerkant", "az": "Səmərqənd"},
]  # fmt: skip

# nom: as a subject; loc: "in <country>" with its preposition or suffix.
COUNTRIES = [
    {"en": ("Kazakhstan", "in Kazakhstan"), "ru": ("Казахстан", "в Казахстане"),
     "kk": ("Қазақстан", "Қазақстанда"), "tr": ("Kazakistan", "Kazakistan'da"),
     "az": ("Qazaxıstan", "Qazaxıstanda")},
    {"en": ("Azerbaijan", "in Azerbaijan"), "ru": ("Азербайджан", "в Азербайджане"),
     "kk": ("Әзербайжан", "Әзербайжанда"), "tr": ("Azerbaycan", "Azerbaycan'da"),
     "az": ("Azərbaycan", "Azərbaycanda")},
    {"en": ("Kyrgyzstan", "in Kyrgyzstan"), "ru": ("Киргизия", "в Киргизии"),
     "kk": ("Қырғызстан", "Қырғызстанда"), "tr": ("Kırgızistan", "Kırgızistan'da"),
     "az": ("Qırğızıstan", "Qırğızıstanda")},
    {"en": ("Türkiye", "in Türkiye"), "ru": ("Турция", "в Турции"), "kk": ("Түркия", "Түркияда"),
     "tr": ("Türkiye", "Türkiye'de"), "az": ("Türkiyə", "Türkiyədə")},
    {"en": ("Uzbekistan", "in Uzbekistan"), "ru": ("Узбекистан", "в Узбекистане"),
     "kk": ("Өзбекстан", "Өзбекстанда"), "tr": ("Özbekistan", "Özbekistan'da"),
     "az": ("Özbəkistan", "Özbəkistanda")},
    {"en": ("Georgia", "in Georgia"), "ru": ("Грузия", "в Грузии"), "kk": ("Грузия", "Грузияда"),
     "tr": ("Gürcistan", "Gürcistan'da"), "az": ("Gürcüstan", "Gürcüstanda")},
    {"en": ("Turkmenistan", "in Turkmenistan"), "ru": ("Туркмения", "в Туркмении"),
     "kk": ("Түрікменстан", "Түрікменстанда"), "tr": ("Türkmenistan", "Türkmenistan'da"),
     "az": ("Türkmənistan", "Türkmənistanda")},
]  # fmt: skip

ORGANISATIONS = [
    {"en": "the Eurasian Development Bank", "ru": "Евразийский банк развития",
     "kk": "Еуразиялық даму банкі", "tr": "Avrasya Kalkınma Bankası",
     "az": "Avrasiya İnkişaf Bankı"},
    {"en": "the Asian Development Bank", "ru": "Азиатский банк развития",
     "kk": "Азия даму банкі", "tr": "Asya Kalkınma Bankası", "az": "Asiya İnkişaf Bankı"},
    {"en": "the national railway company", "ru": "национальная железнодорожная компания",
     "kk": "ұлттық темір жол компаниясы", "tr": "ulusal demiryolu şirketi",
     "az": "milli dəmir yolu şirkəti"},
    {"en": "the state oil company", "ru": "государственная нефтяная компания",
     "kk": "мемлекеттік мұнай компаниясы", "tr": "devlet petrol şirketi",
     "az": "dövlət neft şirkəti"},
    {"en": "the Organization of Turkic States", "ru": "Организация тюркских государств",
     "kk": "Түркі мемлекеттері ұйымы", "tr": "Türk Devletleri Teşkilatı",
     "az": "Türk Dövlətləri Təşkilatı"},
]  # fmt: skip

# ru: the genitive ("exports of oil").
COMMODITIES = [
    {"en": "oil", "ru": "нефти", "kk": "мұнай", "tr": "petrol", "az": "neft"},
    {"en": "wheat", "ru": "пшеницы", "kk": "бидай", "tr": "buğday", "az": "buğda"},
    {"en": "gas", "ru": "газа", "kk": "газ", "tr": "doğal gaz", "az": "qaz"},
    {"en": "cotton", "ru": "хлопка", "kk": "мақта", "tr": "pamuk", "az": "pambıq"},
    {"en": "electricity", "ru": "электроэнергии", "kk": "электр энергиясы", "tr": "elektrik",
     "az": "elektrik enerjisi"},
]  # fmt: skip

# ru: the genitive ("in the field of transport").
SECTORS = [
    {"en": "transport", "ru": "транспорта", "kk": "көлік", "tr": "ulaştırma", "az": "nəqliyyat"},
    {"en": "energy", "ru": "энергетики", "kk": "энергетика", "tr": "enerji", "az": "energetika"},
    {"en": "agriculture", "ru": "сельского хозяйства", "kk": "ауыл шаруашылығы", "tr": "tarım",
     "az": "kənd təsərrüfatı"},
    {"en": "digital technologies", "ru": "цифровых технологий", "kk": "цифрлық технологиялар",
     "tr": "dijital teknolojiler", "az": "rəqəmsal texnologiyalar"},
    {"en": "tourism", "ru": "туризма", "kk": "туризм", "tr": "turizm", "az": "turizm"},
]  # fmt: skip

# Month names: en, ru genitive (dates), ru prepositional ("in March"), kk, tr, az.
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "ru_in": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
              "сентябре", "октябре", "ноябре", "декабре"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
           "Ekim", "Kasım", "Aralık"],
    "az": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"],
}  # fmt: skip

# Azerbaijani ordinal suffix of a year by its last digit ("2025-ci", "2026-cı").
AZ_YEAR_SUFFIX = ["cu", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"]

# Slots: person, title, place, place2, country, country2, country_in, org, commodity, sector,
# month, month_in (ru), amount (millions), amount2 (billions), pct, count, jobs, tonnes, year,
# year2, ysfx / ysfx2 (az), a (ru feminine past-tense ending).
SENTENCES = [
    {"en": "{title} {person} said that {org} would invest {amount} million dollars in projects "
           "in {place}.",
     "ru": "{title} {person} заявил{a}, что {org} инвестирует {amount} млн долларов в проекты "
           "в городе {place}.",
     "kk": "{title} {person} {org} {place} қаласындағы жобаларға {amount} млн доллар "
           "инвестиция салатынын мәлімдеді.",
     "tr": "{title} {person}, {org} kuruluşunun {place} kentindeki projelere {amount} milyon "
           "dolar yatırım yapacağını söyledi.",
     "az": "{title} {person} {org} təşkilatının {place} şəhərindəki layihələrə {amount} milyon "
           "dollar sərmayə qoyacağını bildirib."},
    {"en": "According to {org}, {commodity} exports have risen by {pct} percent since the "
           "start of {year}.",
     "ru": "Как сообщает {org}, экспорт {commodity} с начала {year} года вырос на {pct}%.",
     "kk": "{org} хабарлауынша, {year} жылдың басынан бері {commodity} экспорты {pct} "
           "пайызға өсті.",
     "tr": "{org} verilerine göre, {year} yılı başından bu yana {commodity} ihracatı yüzde "
           "{pct} arttı.",
     "az": "{org} məlumatına görə, {year}-{ysfx} ilin əvvəlindən bəri {commodity} ixracı "
           "{pct} faiz artıb."},
    {"en": "{country} and {country2} held talks in {place}.",
     "ru": "{country} и {country2} провели переговоры в городе {place}.",
     "kk": "{country} мен {country2} {place} қаласында келіссөз жүргізді.",
     "tr": "{country} ile {country2}, {place} kentinde görüşme gerçekleştirdi.",
     "az": "{country} və {country2} {place} şəhərində danışıqlar aparıb."},
    {"en": "The sides signed {docs} documents, including an agreement on cooperation in "
           "{sector}.",
     "ru": "Стороны подписали {docs} документов, в том числе соглашение о сотрудничестве в "
           "сфере {sector}.",
     "kk": "Тараптар {docs} құжатқа қол қойды, оның ішінде {sector} саласындағы "
           "ынтымақтастық туралы келісім бар.",
     "tr": "Taraflar, {sector} alanında işbirliği anlaşması dahil {docs} belge imzaladı.",
     "az": "Tərəflər {sector} sahəsində əməkdaşlıq sazişi də daxil olmaqla {docs} sənəd "
           "imzalayıb."},
    {"en": "{title} {person} noted that trade between the two countries reached {amount2} "
           "billion dollars in {year}.",
     "ru": "{title} {person} отметил{a}, что товарооборот между двумя странами в {year} году "
           "достиг {amount2} млрд долларов.",
     "kk": "{title} {person} {year} жылы екі ел арасындағы тауар айналымы {amount2} млрд "
           "долларға жеткенін атап өтті.",
     "tr": "{title} {person}, iki ülke arasındaki ticaret hacminin {year} yılında {amount2} "
           "milyar dolara ulaştığını belirtti.",
     "az": "{title} {person} iki ölkə arasında ticarət dövriyyəsinin {year}-{ysfx} ildə "
           "{amount2} milyard dollara çatdığını qeyd edib."},
    {"en": "The new line will carry up to {count} passengers a day.",
     "ru": "Новая линия будет перевозить до {count} пассажиров в сутки.",
     "kk": "Жаңа желі тәулігіне {count} жолаушыға дейін тасымалдайды.",
     "tr": "Yeni hat günde {count} yolcu taşıyacak.",
     "az": "Yeni xətt gündə {count} sərnişin daşıyacaq."},
    {"en": "Construction is expected to be completed by the end of {year2}.",
     "ru": "Строительство планируется завершить до конца {year2} года.",
     "kk": "Құрылыс {year2} жылдың соңына дейін аяқталады деп күтілуде.",
     "tr": "İnşaatın {year2} yılı sonuna kadar tamamlanması bekleniyor.",
     "az": "Tikintinin {year2}-{ysfx2} ilin sonunadək başa çatdırılması gözlənilir."},
    {"en": "The project is worth {amount} million dollars and will create about {jobs} jobs.",
     "ru": "Стоимость проекта составляет {amount} млн долларов, он создаст около {jobs} "
           "рабочих мест.",
     "kk": "Жобаның құны {amount} млн доллар, ол шамамен {jobs} жұмыс орнын ашады.",
     "tr": "{amount} milyon dolar değerindeki proje yaklaşık {jobs} kişiye istihdam sağlayacak.",
     "az": "Dəyəri {amount} milyon dollar olan layihə təxminən {jobs} iş yeri yaradacaq."},
    {"en": "Inflation {country_in} slowed to {pct} percent in {month}, the national bank said.",
     "ru": "Инфляция {country_in} в {month_in} замедлилась до {pct}%, сообщил национальный "
           "банк.",
     "kk": "{country_in} {month} айында инфляция {pct} пайызға дейін баяулады, деп хабарлады "
           "Ұлттық банк.",
     "tr": "{country_in} enflasyon {month} ayında yüzde {pct} seviyesine geriledi, merkez "
           "bankası açıkladı.",
     "az": "{country_in} inflyasiya {month} ayında {pct} faizə qədər yavaşlayıb, Mərkəzi Bank "
           "bildirib."},
    {"en": "\u201cWe expect the first results as early as {month},\u201d {person} told "
           "reporters.",
     "ru": "\u00abПервые результаты мы ожидаем уже в {month_in}\u00bb, \u2014 сказал{a} "
           "{person} журналистам.",
     "kk": "\u00abАлғашқы нәтижелерді {month} айында күтеміз\u00bb, \u2014 деді {person} "
           "журналистерге.",
     "tr": "{person}, gazetecilere \u201cİlk sonuçları {month} ayında bekliyoruz\u201d dedi.",
     "az": "{person} jurnalistlərə \u201cİlk nəticələri {month} ayında gözləyirik\u201d "
           "deyib."},
    {"en": "Farmers in the region harvested {tonnes} tonnes of grain this season, {pct} "
           "percent more than last year.",
     "ru": "Аграрии региона собрали в этом сезоне {tonnes} тонн зерна, что на {pct}% больше, "
           "чем в прошлом году.",
     "kk": "Өңір диқандары биылғы маусымда {tonnes} тонна астық жинады, бұл өткен жылмен "
           "салыстырғанда {pct} пайызға көп.",
     "tr": "Bölgedeki çiftçiler bu sezon geçen yıla göre yüzde {pct} artışla {tonnes} ton "
           "tahıl hasat etti.",
     "az": "Regionun fermerləri bu mövsüm ötən illə müqayisədə {pct} faiz çox, {tonnes} ton "
           "taxıl toplayıb."},
    {"en": "The meeting also discussed water supply, the modernisation of border crossings and "
           "new flights between {place} and {place2}.",
     "ru": "На встрече также обсудили водоснабжение, модернизацию пунктов пропуска на границе "
           "и новые рейсы между городами {place} и {place2}.",
     "kk": "Кездесуде сумен жабдықтау, шекара бекеттерін жаңғырту және {place} мен {place2} "
           "арасындағы жаңа рейстер де талқыланды.",
     "tr": "Görüşmede su temini, sınır kapılarının modernizasyonu ve {place} ile {place2} "
           "arasındaki yeni uçuşlar da ele alındı.",
     "az": "Görüşdə həmçinin su təchizatı, sərhəd-keçid məntəqələrinin modernləşdirilməsi və "
           "{place} ilə {place2} arasında yeni reyslər müzakirə olunub."},
    {"en": "{org} will open a regional office in {place} in {month}.",
     "ru": "{org} в {month_in} откроет региональный офис в городе {place}.",
     "kk": "{org} {month} айында {place} қаласында өңірлік кеңсе ашады.",
     "tr": "{org}, {month} ayında {place} kentinde bölge ofisi açacak.",
     "az": "{org} {month} ayında {place} şəhərində regional ofis açacaq."},
    {"en": "In the first quarter {count} tourists visited {country}.",
     "ru": "{country_in} в первом квартале побывали {count} туристов.",
     "kk": "{country_in} бірінші тоқсанда {count} турист болды.",
     "tr": "{country_in} ilk çeyrekte {count} turist ağırlandı.",
     "az": "{country_in} birinci rübdə {count} turist olub."},
]  # fmt: skip

HEADLINES = [
    {"en": "{country} and {country2} sign {docs} agreements in {place}",
     "ru": "{country} и {country2} подписали {docs} соглашений в городе {place}",
     "kk": "{country} мен {country2} {place} қаласында {docs} келісімге қол қойды",
     "tr": "{country} ile {country2} {place} kentinde {docs} anlaşma imzaladı",
     "az": "{country} və {country2} {place} şəhərində {docs} saziş imzalayıb"},
    {"en": "{org} to invest {amount} million dollars in {place}",
     "ru": "{org} инвестирует {amount} млн долларов в проекты в городе {place}",
     "kk": "{org} {place} қаласына {amount} млн доллар инвестиция салады",
     "tr": "{org}, {place} kentine {amount} milyon dolar yatırım yapacak",
     "az": "{org} {place} şəhərinə {amount} milyon dollar sərmayə qoyacaq"},
    {"en": "Inflation {country_in} slows to {pct} percent",
     "ru": "Инфляция {country_in} замедлилась до {pct}%",
     "kk": "{country_in} инфляция {pct} пайызға дейін баяулады",
     "tr": "{country_in} enflasyon yüzde {pct} seviyesine geriledi",
     "az": "{country_in} inflyasiya {pct} faizə qədər yavaşlayıb"},
    {"en": "{commodity} exports up {pct} percent since start of {year}",
     "ru": "Экспорт {commodity} с начала {year} года вырос на {pct}%",
     "kk": "{year} жылдың басынан бері {commodity} экспорты {pct} пайызға өсті",
     "tr": "{commodity} ihracatı {year} başından bu yana yüzde {pct} arttı",
     "az": "{year}-{ysfx} ilin əvvəlindən {commodity} ixracı {pct} faiz artıb"},
    {"en": "New railway line to carry {count} passengers a day",
     "ru": "Новая железнодорожная линия будет перевозить {count} пассажиров в сутки",
     "kk": "Жаңа теміржол желісі тәулігіне {count} жолаушы тасымалдайды",
     "tr": "Yeni demiryolu hattı günde {count} yolcu taşıyacak",
     "az": "Yeni dəmir yolu xətti gündə {count} sərnişin daşıyacaq"},
    {"en": "Farmers harvest {tonnes} tonnes of grain",
     "ru": "Аграрии собрали {tonnes} тонн зерна",
     "kk": "Диқандар {tonnes} тонна астық жинады",
     "tr": "Çiftçiler {tonnes} ton tahıl hasat etti",
     "az": "Fermerlər {tonnes} ton taxıl toplayıb"},
    {"en": "{org} opens regional office in {place}",
     "ru": "{org} откроет региональный офис в городе {place}",
     "kk": "{org} {place} қаласында өңірлік кеңсе ашады",
     "tr": "{org}, {place} kentinde bölge ofisi açacak",
     "az": "{org} {place} şəhərində regional ofis açacaq"},
    {"en": "{count} tourists visit {country} in first quarter",
     "ru": "{country_in} в первом квартале побывали {count} туристов",
     "kk": "{country_in} бірінші тоқсанда {count} турист болды",
     "tr": "{country_in} ilk çeyrekte {count} turist ağırlandı",
     "az": "{country_in} birinci rübdə {count} turist olub"},
]  # fmt: skip

REVIEW_COMMENTS = [
    "Please check the figures in the third paragraph against the source.",
    "The headline is too long for the home page; shorten it.",
    "Quote marks are missing around the minister's words.",
    "Use the agency's credit line as the licence requires.",
    "The dateline should name the city the agency filed from.",
]
CORRECTION_NOTES = [
    "An earlier version of this story gave the wrong figure for the investment.",
    "An earlier version misspelled the minister's name.",
    "An earlier version named the wrong city as the venue of the talks.",
]
WITHDRAWAL_NOTES = [
    "The agency withdrew its report; this story has been withdrawn.",
    "This story was withdrawn because the source could not be confirmed.",
]
TRANSLATORS = ["Aliya Nurova", "Daniel Hart", "Emma Schulz", "Sanjar Yusupov", "Laura Jensen",
               "Kemal Aydın", "Irina Volkova", "Tom Becker"]  # fmt: skip
EDITORS = ["Helen Price", "Marat Omarov", "Sofia Lind"]
