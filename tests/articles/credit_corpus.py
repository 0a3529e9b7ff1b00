"""The credits corpus: how real agencies and the sites that carry them write credits and datelines.

Each case keeps the credit, dateline and sign-off strings verbatim as published at the URL in its
``source``; the body around them is paraphrased (the copy is the agencies'). Line breaks are as
published, except where a note says an aggregator glued lines that the agency sets apart.

``credits`` is what the parser must find: (name as written, role), explicit credits first, then
inline candidates. ``agencies`` is what the ingest service must resolve them to against the shipped
agency list (``articles/data/agencies.json``): ``slug`` for an original reporter, ``slug:role``
otherwise. ``unresolved`` are explicit credits naming no agency on the list, kept for an editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.ingest.base import CreditRole

R = CreditRole.ORIGINAL_REPORTER  # reported it
D = CreditRole.DISTRIBUTED_BY  # passed it on


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    blocks: tuple[str, ...]  # the text under the headline, blank-line separated
    dateline: str
    opening: str  # how the first body paragraph must begin
    credits: tuple[tuple[str, CreditRole], ...]
    agencies: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    byline: str = ""
    credit_line: str = ""
    headline: str = "Wire story"

    def text(self) -> bytes:
        return "\n\n".join([self.headline, *self.blocks]).encode()


CASES = [
    # --- Kazinform (Kazakhstan) ---------------------------------------------------------------
    Case(
        "kazinform-city-dot-agency",
        "https://en.inform.kz/news/astana-s-energy-day-by-day_a2930262/",
        (
            "ASTANA. KAZINFORM - Being among the youngest capitals in the world, Astana draws "
            "many tourists and a great deal of media attention.",
        ),
        "ASTANA",
        "Being among the youngest capitals",
        (("KAZINFORM", R),),
        ("kazinform",),
    ),
    Case(
        "kazinform-reported-the",
        "https://astanatimes.com/author/page/15/?author=Dana+Omirgazy+",
        (
            "ASTANA – According to the Ministry of Agriculture, Kazakhstan sold 4.1 million tons "
            "of grain abroad in six months, reported the Kazinform on Aug. 17.",
        ),
        "ASTANA",
        "According to the Ministry of Agriculture",
        # The ministry is a candidate too; it names no agency, so it is dropped on ingest.
        (("Ministry of Agriculture", R), ("Kazinform", R)),
        ("kazinform",),
    ),
    Case(
        "kazinform-news-agency-reports",
        "https://www.kt.kz/eng/society/almaty_welcomes_up_to_1_1_million_tourists_in_1377983104.html",
        (
            "Almaty received 1.1 million tourists in the first half of 2025, 6.5% more than a "
            "year earlier, Kazinform News Agency reports.",
        ),
        "",
        "Almaty received",
        (("Kazinform News Agency", R),),
        ("kazinform",),
    ),
    Case(
        "kazinform-reports-the-agency",
        "https://mts.kg/en/lastnews/page/381",
        (
            "Ruslan Zheldibay, the president's press secretary, summed up the head of state's "
            "year on his Telegram channel, reports the Kazinform agency.",
        ),
        "",
        "Ruslan Zheldibay",
        (("Kazinform", R),),
        ("kazinform",),
    ),
    # --- Trend (Azerbaijan) and the Azerbaijani sites that carry it ------------------------------
    Case(
        "trend-glued-dateline-byline-tag",
        "http://www.topnews.az/en/news/34241/Azerbaijan-to-render-financial-assistance-to-Afghanistan.html",
        (
            "Baku, Azerbaijan, Apr. 27By Umid Niayesh - Trend:Iran's deputy foreign minister "
            "warned Saudi Arabia that blocking Iranian aid to Yemen would not go unanswered.",
        ),
        "Baku, Azerbaijan, Apr. 27",
        "Iran's deputy foreign minister",
        (("Trend", R),),
        ("trend",),
        byline="Umid Niayesh",
    ),
    Case(
        # The aggregator glued "Dec. 19Trend:"; Trend itself sets the tag on the next line.
        "trend-two-line-dateline",
        "http://www.topnews.az/en/news/34241/Azerbaijan-to-render-financial-assistance-to-Afghanistan.html",
        (
            "Baku, Azerbaijan, Dec. 19\nTrend:\nThe Baku 2015 European Games were praised by a "
            "major design website for their new branding.",
        ),
        "Baku, Azerbaijan, Dec. 19",
        "The Baku 2015 European Games",
        (("Trend", R),),
        ("trend",),
    ),
    Case(
        "trend-glued-tag",
        "http://www.topnews.az/en/news/72212/Rovnag-Abdullayev-Caspianv39s-gas-potential-is-great-and-there-will-occur-need-for-additional-gas-corridors.html",
        (
            "Baku, Azerbaijan, April 18Trend:Armenian forces fired on Azerbaijani positions in "
            "the Tovuz region overnight, the Defense Ministry said.",
        ),
        "Baku, Azerbaijan, April 18",
        "Armenian forces fired",
        (("Trend", R),),
        ("trend",),
    ),
    Case(
        # Glued on the aggregator page as "Nov. 27By Huseyn Hasanov- Trend:"; lines as on Trend.
        "trend-two-line-byline-tag",
        "http://www.topnews.az/en/news/39658/Bets-on-for-who-will-be-next-pope.html",
        (
            "Ashgabat, Turkmenistan, Nov. 27\nBy Huseyn Hasanov- Trend:\nAshgabat hosted a "
            "Turkmen-German forum of business chambers and ministries.",
        ),
        "Ashgabat, Turkmenistan, Nov. 27",
        "Ashgabat hosted a Turkmen-German forum",
        (("Trend", R),),
        ("trend",),
        byline="Huseyn Hasanov",
    ),
    Case(
        "trend-commentary-byline",
        "http://www.topnews.az/en/news/36970/In-Iceland-Court-Says-a-Girl-Can-Finally-Use-Her-Name.html",
        (
            "by Elchin Mehdiyev -Trend:The meeting of the Azerbaijani, Turkish and Georgian "
            "defence ministers in Nakhchivan matters for the security of the region.",
        ),
        "",
        "The meeting of the Azerbaijani",
        (("Trend", R),),
        ("trend",),
        byline="Elchin Mehdiyev",
    ),
    Case(
        "trend-glued-by-prefix",
        "http://www.today.az/rss.php",
        (
            "By TrendThe Azerbaijani Defense Ministry has released footage from Dordchinar "
            "village of Fuzuli district, Trend reports with reference to the ministry.",
        ),
        "",
        "The Azerbaijani Defense Ministry",
        (("Trend", R),),
        ("trend",),
    ),
    Case(
        # "Trendreports" is glued as published: only the prefix credit can be read.
        "trend-glued-prefix-and-glued-reports",
        "http://today.az/rss.php",
        (
            "By TrendDiversifying the economy away from energy is a priority of Azerbaijan's "
            "policy, the head of AZPROMO said at the forum held in Baku June 25, Trendreports.",
        ),
        "",
        "Diversifying the economy",
        (("Trend", R),),
        ("trend",),
    ),
    Case(
        "trend-told",
        "http://www.today.az/rss.php",
        (
            "Kazakhstan does not expect progress on its Caspian oil transport system while it "
            "studies routes other than Russia's, Kazakh Energy Ministry told Trend Oct. 22.",
        ),
        "",
        "Kazakhstan does not expect",
        (("Trend", R),),
        ("trend",),
    ),
    Case(
        "trend-slashed-sign-off",
        "http://www.today.az/rss.php",
        (
            "A Chinese oil-services company has registered in Azerbaijan through the tax "
            "ministry's single window, the ministry's newspaper said.",
            "/By Trend/",
        ),
        "",
        "A Chinese oil-services company",
        (("Trend", R),),
        ("trend",),
        credit_line="/By Trend/",
    ),
    Case(
        "apa-reports",
        "http://www.topnews.az/en/news/39658/Bets-on-for-who-will-be-next-pope.html",
        (
            "Armenian troops broke the ceasefire 41 times along the front line in one day, said "
            "Defense Ministry, APA reports.",
        ),
        "",
        "Armenian troops broke",
        (("APA", R),),
        ("apa",),
    ),
    Case(
        "apa-reports-mascots",
        "http://www.topnews.az/en/news/39658/Bets-on-for-who-will-be-next-pope.html",
        (
            "Baku 2015 European Games presented Jeyran and Nar as the mascots of the first "
            "European Games, APA reports.",
        ),
        "",
        "Baku 2015 European Games presented",
        (("APA", R),),
        ("apa",),
    ),
    Case(
        "azertag-news-agency-reported",
        "http://www.today.az/rss.php",
        (
            "By Sara RajabovaArmenia's aggressive policy has cut it off from the economic "
            "projects of the region.",
            "Turkish Prime Minister Ahmet Davutoglu made the point at an energy summit in "
            "Istanbul, AzerTag news agency reported.",
        ),
        "",
        "Armenia's aggressive policy",
        (("AzerTag", R),),
        ("azertag",),
        byline="Sara Rajabova",
    ),
    Case(
        "azertaj-state-news-agency-reported",
        "https://en.trend.az/other/analysis/1568828.html",
        (
            "Swiss President Hans-Rudolf Merz today attended the opening of the days of "
            "Azerbaijani culture, AzerTAj state news agency reported.",
        ),
        "",
        "Swiss President",
        (("AzerTAj", R),),
        ("azertag",),
    ),
    Case(
        "azernews-slashed-prefix",
        "http://today.az/rss.php",
        (
            "/AzerNews/By Sara RajabovaThere is an Azerbaijani saying that a close neighbour is "
            "better than a distant relative.",
        ),
        "",
        "There is an Azerbaijani saying",
        (("AzerNews", R),),
        ("azernews",),
        byline="Sara Rajabova",
    ),
    Case(
        "azernews-slashed-by-prefix",
        "http://www.topnews.az/en/news/34241/Azerbaijan-to-render-financial-assistance-to-Afghanistan.html",
        (
            "/By AzerNews/By Sara RajabovaAzerbaijan's foreign minister and the OSCE Minsk Group "
            "co-chairs will meet in Krakow.",
        ),
        "",
        "Azerbaijan's foreign minister",
        (("AzerNews", R),),
        ("azernews",),
        byline="Sara Rajabova",
    ),
    Case(
        "azernews-glued-prefix-and-byline",
        "http://today.az/rss.php",
        (
            "By AzernewsBy Abdul KerimkhanovKazakhstan presented its farm exports at a food "
            "safety exhibition in Beijing.",
        ),
        "",
        "Kazakhstan presented its farm exports",
        (("Azernews", R),),
        ("azernews",),
        byline="Abdul Kerimkhanov",
    ),
    Case(
        "azernews-glued-prefix-and-inline",
        "https://today.az/rss.php",
        (
            "By AzernewsBy Vugar KhalilovBaku has called on Yerevan to honour its international "
            "obligations, Azernews reports, citing the Foreign Ministry.",
        ),
        "",
        "Baku has called on Yerevan",
        (("Azernews", R), ("Foreign Ministry", R)),
        ("azernews",),
        byline="Vugar Khalilov",
    ),
    Case(
        "oxu-unknown-inline",
        "http://www.topnews.az/en/news/39658/Bets-on-for-who-will-be-next-pope.html",
        (
            "Oxu.Az reports with reference to the Defense Ministry that Armenian units fired on "
            "positions near Kemerli village.",
        ),
        "",
        "Oxu.Az reports",
        (("Oxu.Az", R),),
    ),
    # --- Kyrgyzstan -------------------------------------------------------------------------------
    Case(
        "kabar-spaced-slashes",
        "http://eng.kabar.kg/eng/rss/",
        (
            "Bishkek, Feb.20, 2018 / Kabar /. President Sooronbay Jeenbekov told residents of "
            "Batken region that the border questions would be settled in the coming years.",
        ),
        "Bishkek, Feb.20, 2018",
        "President Sooronbay Jeenbekov told",
        (("Kabar", R),),
        ("kabar",),
    ),
    Case(
        "kabar-dotted-date-slashes",
        "http://eng.kabar.kg/eng/rss/",
        (
            "Bishkek, Nov. 21, 2017. /Kabar/. Italy's President Sergio Mattarella sent a "
            "telegram congratulating Sooronbai Jeenbekov on his election.",
        ),
        "Bishkek, Nov. 21, 2017",
        "Italy's President",
        (("Kabar", R),),
        ("kabar",),
    ),
    Case(
        "kabar-no-space-after-tag",
        "http://eng.kabar.kg/eng/rss/",
        (
            "Bishkek, Nov. 20, 2017. /Kabar/.The Kyrgyz taekwondo team took 10 medals at a Grand "
            "Prix tournament in Almaty.",
        ),
        "Bishkek, Nov. 20, 2017",
        "The Kyrgyz taekwondo team",
        (("Kabar", R),),
        ("kabar",),
    ),
    Case(
        "kabar-carries-unknown-paper",
        "http://en.kabar.kg/eng/rss/",
        (
            "Footage shows a firefighter catching a child dropped from a burning flat near "
            "Atlanta, the Independent reported.",
        ),
        "",
        "Footage shows",
        (("Independent", R),),
    ),
    Case(
        "akipress-source-space-colon",
        "https://bishkekpost.com/author/adilet-sabirov/",
        (
            "Fifteen fires were registered in Kyrgyzstan in the past day and sixteen brigades "
            "put them out, the emergencies ministry said on December 7.",
            "Source : Akipress",
        ),
        "",
        "Fifteen fires",
        (("Akipress", R),),
        ("akipress",),
        credit_line="Source : Akipress",
    ),
    Case(
        "source-names-no-agency",
        "https://kazakhstannewsgazette.com/2023/09/02/",
        (
            "Police detained more suspects over the mass brawl that ended the Kok-Boru cup at "
            "the Toloikon hippodrome in Osh region.",
            "Source: News Agency",
        ),
        "",
        "Police detained",
        (("News Agency", R),),
        unresolved=("News Agency",),
        credit_line="Source: News Agency",
    ),
    Case(
        "24kg-own-copy-names-a-ministry",
        "https://24.kg/english/280856_Seven_fires_break_out_in_Kyrgyzstan_in_last_24_hours/",
        (
            "Seven fires broke out in Kyrgyzstan over the past 24 hours. The press service of "
            "the Ministry of Emergency Situations of the Kyrgyz Republic reported.",
        ),
        "",
        "Seven fires",
        (("Kyrgyz Republic", R),),
    ),
    Case(
        "turmush-unknown-inline",
        "https://mts.kg/en/lastnews/page/381",
        (
            "A new flower market opened next to the Osh National Drama Theater, reports Turmush "
            "correspondent.",
        ),
        "",
        "A new flower market",
        (("Turmush", R),),
    ),
    # --- Tajikistan ------------------------------------------------------------------------------
    Case(
        "asiaplus-date-agency-double-dash",
        "https://asiaplus.news/en/rubrics/tajikistan/society/page/770",
        (
            "DUSHANBE, November 2, 2010, Asia-Plus  -- Statements by Tajik ministers of foreign "
            "affairs (Hamrokhon Zarifi) and water resources on filling the Roghun reservoir drew "
            "questions from Uzbekistan.",
        ),
        "DUSHANBE, November 2, 2010",
        "Statements by Tajik ministers",
        (("Asia-Plus", R),),
        ("asia-plus",),
    ),
    Case(
        "asiaplus-khujand",
        "https://asiaplus.news/en/rubrics/tajikistan/society/page/770",
        (
            "KHUJAND, October 7, 2010, Asia-Plus  -- Tajikistan could join the World Trade "
            "Organization before Uzbekistan, a regional project head said.",
        ),
        "KHUJAND, October 7, 2010",
        "Tajikistan could join",
        (("Asia-Plus", R),),
        ("asia-plus",),
    ),
    Case(
        "asiaplus-date-agency-dash",
        "http://tjus.org/Newsheadlines3.htm",
        (
            "DUSHANBE, October 22, Asia-Plus - The government has sent parliament a bill "
            "amending the Criminal Code, the presidential press service reported.",
        ),
        "DUSHANBE, October 22",
        "The government has sent parliament",
        (("Asia-Plus", R),),
        ("asia-plus",),
    ),
    # --- Uzbekistan ------------------------------------------------------------------------------
    Case(
        "uza-reported",
        "http://tashkenttimes.uz/national?mdrv=www.tashkenttimes.uz&start=8560",
        ("Tashkent's chief imam Anvar Qori Tursunov died early this morning, UzA reported.",),
        "",
        "Tashkent's chief imam",
        (("UzA", R),),
        ("uza",),
    ),
    Case(
        "uza-said",
        "http://tashkenttimes.uz/national?mdrv=www.tashkenttimes.uz&start=8400",
        (
            "Belarusian President Alexander Lukashenko arrived on an official visit and was met "
            "at the Tashkent airport by Prime Minister Abdulla Aripov, UzA said.",
        ),
        "",
        "Belarusian President",
        (("UzA", R),),
        ("uza",),
    ),
    Case(
        "belapan-said",
        "http://tashkenttimes.uz/national?mdrv=www.tashkenttimes.uz&start=8560",
        (
            "Alexander Lukashenko will visit Uzbekistan on September 12-14, the head of the "
            "upper house of Belarus's parliament announced in Minsk, BelaPAN said.",
        ),
        "",
        "Alexander Lukashenko will visit",
        (("BelaPAN", R),),
        ("belapan",),
    ),
    Case(
        "uzreport-dateline-naming-no-agency",
        "https://www.htsyndication.com/articles/publication/UzReport?publication=UzReport&page=21",
        (
            "Tashkent, May 21 -- The Interior Ministry's press service said 61 Uzbek citizens "
            "freed under an amnesty in Turkmenistan have come home.",
        ),
        "Tashkent, May 21",
        "The Interior Ministry's press service",
        (),
    ),
    Case(
        "khovar-via-uzreport",
        "https://www.htsyndication.com/articles/publication/UzReport?publication=UzReport&page=21",
        (
            "Tashkent, May 21 -- Tajikistan sent building materials to the flooded Syrdarya "
            "region, Tajik media Khovar reported.",
        ),
        "Tashkent, May 21",
        "Tajikistan sent building materials",
        (("Khovar", R),),
        ("khovar",),
    ),
    Case(
        "xinhua-tashkent",
        "http://umm.news/Uzbekistan",
        (
            "TASHKENT, May 2 (Xinhua) -- About 70,000 people were evacuated after the Sardoba "
            "dam burst in Syrdarya region, the Uzbek Emergency Ministry said.",
        ),
        "TASHKENT, May 2",
        "About 70,000 people",
        (("Xinhua", R),),
        ("xinhua",),
    ),
    Case(
        "nnn-agencies-unknown-tag",
        "http://umm.news/Uzbekistan",
        (
            "TASHKENT, May 31 (NNN-AGENCIES) – Uzbekistan's Energy Ministry invited bids to "
            "design and build three hydropower plants in Kashkadarya region.",
        ),
        "TASHKENT, May 31",
        "Uzbekistan's Energy Ministry",
        (("NNN-AGENCIES", R),),
        unresolved=("NNN-AGENCIES",),
    ),
    Case(
        "nnn-bernama-tag-for-an-editor-to-map",
        "http://umm.news/Uzbekistan",
        (
            "KUALA LUMPUR, April 30 (NNN-BERNAMA) — Uzbekistan is setting up a nationwide "
            "movement to soften the impact of the pandemic.",
        ),
        "KUALA LUMPUR, April 30",
        "Uzbekistan is setting up",
        (("NNN-BERNAMA", R),),
        unresolved=("NNN-BERNAMA",),
    ),
    # --- Turkmenistan ----------------------------------------------------------------------------
    Case(
        "tdh-quoted-agency-name",
        "https://www.vestiabad.ru/en/category/novosti-informaciya?page=3",
        (
            "Members of the Galkynysh riding team, famous since the Monte Carlo circus festival, "
            "are on holiday at the Avaza resort. This was reported by the news agency "
            "‘Turkmenistan: Golden age’.",
        ),
        "",
        "Members of the Galkynysh riding team",
        (("Turkmenistan: Golden age", R),),
        ("tdh",),
    ),
    Case(
        "tdh-header-line-and-acronym",
        "http://turkmenistan.gov.tm/_eng/?data=2017-8-11",
        (
            "State News Agency of Turkmenistan",
            "The city administration of Ashgabat informed TDH that traffic in the capital would "
            "be limited on Thursday, August 17.",
        ),
        "",
        "The city administration of Ashgabat",
        (("State News Agency of Turkmenistan", R),),
        ("tdh",),
    ),
    Case(
        "tdh-according-to",
        "https://eurasianstar.com/category/tkm/page/4",
        (
            "President Serdar Berdimuhamedov opened the Tejen-Mary section of the "
            "Ashgabat-Turkmenabat highway. According to the State News Agency of Turkmenistan, "
            "building started in January 2019.",
        ),
        "",
        "President Serdar Berdimuhamedov opened",
        (("State News Agency of Turkmenistan", R),),
        ("tdh",),
    ),
    Case(
        "rferl-service-is-no-agency",
        "https://eurasianstar.com/category/tkm/page/4",
        (
            "Officials in Balkan region were made to buy watches with pictures of the president "
            "and his father, RFE/RL’s Turkmen Service reported.",
        ),
        "",
        "Officials in Balkan region",
        (),
    ),
    # --- Russian wires ---------------------------------------------------------------------------
    Case(
        "tass-peredaet-after-quote",
        "https://vz.ru/news/2021/3/25/1091305.html",
        (
            "«Мы сочли возможным обратиться в МОК, чтобы утвердить это произведение», – передает "
            "ТАСС слова Позднякова.",
        ),
        "",
        "«Мы сочли возможным",
        (("ТАСС", R),),
        ("tass",),
    ),
    Case(
        "ria-novosti-dateline",
        "https://ria.ru/20150410/1057823217.html",
        ("МОСКВА, 10 апр — РИА Новости. Дайджест главных событий в России и мире к 16.00.",),
        "МОСКВА, 10 апр",
        "Дайджест главных событий",
        (("РИА Новости", R),),
        ("ria-novosti",),
    ),
    Case(
        "ria-novosti-dateline-with-author",
        "https://news.rambler.ua/other/36562239-priznaytes-v-svoey-uyazvimosti-psiholog-postradavshiy-ot-terakta-v-metro/comments",
        (
            "МОСКВА, 8 апр — РИА Новости, Сергей Лютых. События прошедшей недели, начиная с "
            "теракта в петербургском метро, дали повод для тревоги.",
        ),
        "МОСКВА, 8 апр",
        "События прошедшей недели",
        (("РИА Новости", R),),
        ("ria-novosti",),
        byline="Сергей Лютых",
    ),
    Case(
        "interfax-city-date-agency-dots",
        "https://interfax.ru/russia/557994",
        ("Москва. 11 апреля. INTERFAX.RU - Краткая сводка главных событий дня.",),
        "Москва. 11 апреля",
        "Краткая сводка",
        (("INTERFAX.RU", R),),
        ("interfax",),
    ),
    Case(
        "federalpress-city-date-agency",
        "http://fedpress.ru/news/society/news_event/1454671038-obyski-provodyatsya-v-agentstve-tass",
        (
            "МОСКВА, 5 февраля, РИА ФедералПресс. В российском информационном агентстве ТАСС "
            "сейчас проходят обыски.",
        ),
        "МОСКВА, 5 февраля",
        "В российском информационном агентстве",
        (("РИА ФедералПресс", R),),
        ("federalpress",),
    ),
    Case(
        "two-russian-agencies-soobshchayut",
        "https://dzen.ru/news/by/story/2a507826-af42-5ef0-b82d-316a6ba3bf87",
        (
            'Об этом сообщают российский "Интерфакс", РИА Новости со ссылкой на пресс-секретаря '
            "президента России.",
        ),
        "",
        "Об этом сообщают",
        (("Интерфакс", R), ("РИА Новости", R)),
        ("interfax", "ria-novosti"),
    ),
    # --- Turkish wires ---------------------------------------------------------------------------
    Case(
        "anadolu-header-and-tag-two-spellings",
        "https://armenianclub.com/2008/01/09/ankara-turkish-president-sees-new-window-of-opportunity-in-turkis",
        (
            "Anatolia News Agency\nJan 6 2008",
            "ANKARA, 7 Jan (A.A) – President Abdullah Gul was seen off at Esenboga airport by "
            "the parliament speaker before leaving for the United States.",
        ),
        "ANKARA, 7 Jan",
        "President Abdullah Gul",
        (("Anatolia News Agency", R), ("A.A", R)),
        ("anadolu",),
    ),
    Case(
        "anadolu-three-line-header-and-plain-dateline",
        "https://armeniandiaspora.com/forum/2009/may-2009/168533-ankara-turkish-president-views-kurdish-issue-relations-with-armeni?p=168533",
        (
            "Anadolu Agency\nMay 27 2009\nTurkey\nBishkek, 27 May: The Turkish president said "
            "on Wednesday there could be no negotiation with a terrorist organization.",
        ),
        "Bishkek, 27 May",
        "The Turkish president said",
        (("Anadolu Agency", R),),
        ("anadolu",),
    ),
    Case(
        "anadolu-name-and-acronym-inline",
        "https://turkiyescoop.com/author/dailysabahwithaa/page/20",
        (
            "“This year I will represent my country as well as I can,” Moto2 rider Deniz Öncü "
            "told Anadolu Agency (AA).",
        ),
        "",
        "“This year",
        (("Anadolu Agency", R), ("AA", R)),
        ("anadolu",),
    ),
    Case(
        "anadolu-reports",
        "http://ummnews.biz/Saudi-Arabia?page=6",
        (
            "Saudi Arabia opened its first mangrove nursery and aims to plant 50 million trees "
            "by 2030, Anadolu Agency reports.",
        ),
        "",
        "Saudi Arabia opened",
        (("Anadolu Agency", R),),
        ("anadolu",),
    ),
    Case(
        "daily-sabah-agency-over-city",
        "https://www.dailysabah.com/turkey/2020/01/31/daily-sabah-chosen-as-best-foreign-language-newspaper-of-the-year",
        (
            "DAILY SABAH\nISTANBUL",
            "Daily Sabah was named the best foreign-language newspaper of the year by a "
            "publishers' association.",
        ),
        "ISTANBUL",
        "Daily Sabah was named",
        (("DAILY SABAH", R),),
        ("daily-sabah",),
    ),
    # --- Chinese wires ---------------------------------------------------------------------------
    Case(
        "xinhua-dateline",
        "http://news.sina.com.cn/c/sd/2012-12-24/120725880581.shtml",
        (
            "BEIJING, Dec. 23 (Xinhua) -- On a mild December morning in a Shenzhen park, early "
            "risers did not expect to meet a famous visitor.",
        ),
        "BEIJING, Dec. 23",
        "On a mild December morning",
        (("Xinhua", R),),
        ("xinhua",),
    ),
    Case(
        "xinhua-header-updated",
        "https://global.chinadaily.com.cn/a/201711/23/WS5a162fd7a31040ac000dcff8_24.html",
        (
            "Xinhua | Updated: 2017-11-23 10:17",
            "Xi Jinping often uses vivid images to describe the Chinese road.",
        ),
        "",
        "Xi Jinping often uses",
        (("Xinhua", R),),
        ("xinhua",),
    ),
    Case(
        "xinhua-em-dash",
        "https://www.atnews.co.za/author/xinhuaatnews-co-za/page/9/?noamp=mobile",
        (
            "JOHANNESBURG, Nov. 14 (Xinhua) — A media and think-tank forum of the Global South "
            "launched a China-Africa partnership plan for 2026.",
        ),
        "JOHANNESBURG, Nov. 14",
        "A media and think-tank forum",
        (("Xinhua", R),),
        ("xinhua",),
    ),
    Case(
        "xinhua-carrying-spa",
        "http://ummnews.biz/Saudi-Arabia?page=69",
        (
            "RIYADH, June 27 (Xinhua) -- Saudi border guards said on Saturday that three Iranian "
            "boats were forced out of Saudi waters.",
            "The coast guard patrols spotted the boats on Thursday, the Saudi Press Agency "
            "reported.",
        ),
        "RIYADH, June 27",
        "Saudi border guards said",
        (("Xinhua", R), ("Saudi Press Agency", R)),
        ("xinhua", "spa"),
    ),
    Case(
        "prnewswire-tag-names-no-agency",
        "https://techent.tv/tag/avo/page/2/?amp=1",
        (
            "BEIJING, Nov. 5, 2022 /PRNewswire/ — German Chancellor Olaf Scholz paid an official "
            "visit to China on Friday, the first EU leader to do so after the party congress.",
        ),
        "BEIJING, Nov. 5, 2022",
        "German Chancellor Olaf Scholz",
        (("PRNewswire", R),),
        unresolved=("PRNewswire",),
    ),
    # --- Western wires ---------------------------------------------------------------------------
    Case(
        "ap-state-abbreviation-kept",
        "https://chatgptweb.us.kg/datasets/nthngdy/ccnews_split/viewer/plain_text/train?p=5664",
        (
            "BLOOMINGTON, Minn. (AP) — Eli Manning is looking to the future after the worst "
            "season of his career.",
        ),
        "BLOOMINGTON, Minn.",
        "Eli Manning is looking",
        (("AP", R),),
        ("ap",),
    ),
    Case(
        "ap-capitals",
        "http://mynorthwest.com/politics/page/7/",
        ("WASHINGTON (AP) — Two pest controllers are on a mission to rid the capital of rats.",),
        "WASHINGTON",
        "Two pest controllers",
        (("AP", R),),
        ("ap",),
    ),
    Case(
        "ap-dotted-state",
        "http://mynorthwest.com/politics/page/7/",
        (
            "RALEIGH, N.C. (AP) — North Carolina's Republican chairman said a new election "
            "should be held if an affidavit proves accurate.",
        ),
        "RALEIGH, N.C.",
        "North Carolina's Republican chairman",
        (("AP", R),),
        ("ap",),
    ),
    Case(
        "ap-byline-block",
        "https://www.nickface.org/p/i/?a=reader&rid=689b51b2b7588&search=author%3A%22Associated+press%22",
        (
            "By LINDSAY WHITEHURST and ASHRAF KHALIL",
            "WASHINGTON (AP) — The White House promised more troops and federal officers on the "
            "streets of the capital around the clock.",
        ),
        "WASHINGTON",
        "The White House promised",
        (("AP", R),),
        ("ap",),
        byline="LINDSAY WHITEHURST and ASHRAF KHALIL",
    ),
    Case(
        "reuters-no-space-after-dash",
        "https://talk103fm.com/category/business/page/724",
        (
            "By Andy Bruce and Andrea Shalal",
            "LONDON (Reuters) -The International Monetary Fund and Moody's stepped up pressure on "
            "Britain to reverse its new economic plan.",
        ),
        "LONDON",
        "The International Monetary Fund",
        (("Reuters", R),),
        ("reuters",),
        byline="Andy Bruce and Andrea Shalal",
    ),
    Case(
        "reuters-en-dash",
        "http://fortress-capital-group.com/archives/date/2014/11/page/3",
        (
            "BOSTON (Reuters) – Investor David Einhorn is raising money for the first time since "
            "2012 after three years of lagging returns.",
        ),
        "BOSTON",
        "Investor David Einhorn",
        (("Reuters", R),),
        ("reuters",),
    ),
    Case(
        "reuters-dated",
        "https://headlinescurator.com/tag/brxt/page/3/?amp",
        (
            "LONDON, Sept 28 (Reuters) – British drivers queued for hours as petrol stations in "
            "the big cities ran dry.",
        ),
        "LONDON, Sept 28",
        "British drivers queued",
        (("Reuters", R),),
        ("reuters",),
    ),
    Case(
        "reuters-reporting-by-names-people",
        "https://www.dailymaverick.co.za/article/2022-07-14-frances-macron-wants-rethink-of-french-military-postures-in-africa/",
        (
            "French officials go to Niger on Friday to rethink the fight against militants in the "
            "Sahel.",
            "(Reporting by Dominique Vidalon; Editing by Chris Reese.)",
        ),
        "",
        "French officials go to Niger",
        (),
    ),
    Case(
        "reuters-according-to-a-correspondent",
        "https://heraldngr.com/2021/01/blast-heard-in-saudi-capital-riyadh.html/amp/",
        (
            "An explosion was heard in Riyadh on Tuesday, according to a Reuters correspondent, "
            "but its cause was not known.",
        ),
        "",
        "An explosion was heard",
        (("Reuters", R),),
        ("reuters",),
    ),
    Case(
        "dpa-place-without-comma",
        "https://www.esslinger-zeitung.de/schlaglichter_artikel,-steinmeier-will-merkel-zur-wahl-als-kanzlerin-vorschlagen-_arid,2183448.html",
        (
            "Berlin (dpa) - Bundespräsident Frank-Walter Steinmeier will Angela Merkel am Montag "
            "zur Wahl als Kanzlerin vorschlagen.",
        ),
        "Berlin",
        "Bundespräsident Frank-Walter Steinmeier",
        (("dpa", R),),
        ("dpa",),
    ),
    Case(
        "dapd-sign-off-names-a-closed-agency",
        "https://www.20min.ch/story/schroeder-uebergab-an-merkel-697298459178",
        (
            "Angela Merkel took over the chancellery from Gerhard Schröder after her election "
            "and swearing-in.",
            "(dapd)",
        ),
        "",
        "Angela Merkel took over",
        (("dapd", R),),
        unresolved=("dapd",),
        credit_line="(dapd)",
    ),
    # --- Gulf wires ------------------------------------------------------------------------------
    Case(
        "wam-dashed-sign-off-two-spellings",
        "http://www.uaeinteract.com/german/news/default.asp?ID=5",
        (
            "The UAE government opened an official Instagram account to show the public the "
            "work of the federal government.",
            "- Emirates News Agency, WAM –",
        ),
        "",
        "The UAE government opened",
        (("Emirates News Agency", R), ("WAM", R)),
        ("wam",),
        credit_line="- Emirates News Agency, WAM –",
    ),
    Case(
        "qna-dateline",
        "https://www.qna.org.qa/en/News-Area/News/2022-09/14/0058-hh-the-amir's-interview-with-the-french-magazine-le-point",
        (
            "Doha, September 14 (QNA) - HH the Amir Sheikh Tamim bin Hamad Al-Thani said in an "
            "interview with a French magazine that relations with France are strong.",
        ),
        "Doha, September 14",
        "HH the Amir",
        (("QNA", R),),
        ("qna",),
    ),
    Case(
        "kuna-via-menafn-nested-brackets",
        "https://menafn.com/1107853837/Briefing-Of-KUNA-Main-News-For-Wednesday-Until-0000-GMT",
        (
            "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT - The deputy prime minister referred "
            "suspected crimes involving public funds to the Public Prosecution.",
            "(end)",
        ),
        "KUWAIT",
        "The deputy prime minister",
        (("Kuwait News Agency", R), ("KUNA", R), ("MENAFN", D)),
        ("kuna", "menafn:distributed_by"),
    ),
    Case(
        "kuna-capitals-double-dash",
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=3039855&Language=en",
        ("KUWAIT -- Kuwait is hosting an international meeting on fighting terrorism.",),
        "KUWAIT",
        "Kuwait is hosting",
        (),
    ),
    Case(
        "spa-capitals-colon-and-inline",
        "https://www.arabnews.com/node/2549606/saudi-arabia",
        (
            "RIYADH: Saudi Arabia condemned the attempt on the life of former US President Donald "
            "Trump, Saudi Press Agency reported.",
        ),
        "RIYADH",
        "Saudi Arabia condemned",
        (("Saudi Press Agency", R),),
        ("spa",),
    ),
    Case(
        "spa-name-and-acronym",
        "https://thenewsaudiarabia.com/blog-category/all-news-hhr-crown-prince/",
        (
            "RIYADH: Crown Prince Mohammed bin Salman received his first dose of a coronavirus "
            "vaccine, Saudi Press Agency (SPA) reported on Friday.",
        ),
        "RIYADH",
        "Crown Prince Mohammed bin Salman",
        (("SPA", R), ("Saudi Press Agency", R)),
        ("spa",),
    ),
    Case(
        "spa-said",
        "https://english.aawsat.com/gulf/4634896-mwl-condemns-israeli-escalation-gaza",
        (
            "The Muslim World League voiced deep concern over the military escalation in Gaza, "
            "SPA said on Sunday.",
        ),
        "",
        "The Muslim World League",
        (("SPA", R),),
        ("spa",),
    ),
    Case(
        "nnn-spa-tag-for-an-editor-to-map",
        "http://ummnews.biz/Saudi-Arabia?page=6",
        (
            "RIYADH, Jul 30 (NNN-SPA) – The Organisation of Islamic Cooperation strongly "
            "condemned the military coup in Niger.",
        ),
        "RIYADH, Jul 30",
        "The Organisation of Islamic Cooperation",
        (("NNN-SPA", R),),
        unresolved=("NNN-SPA",),
    ),
]
