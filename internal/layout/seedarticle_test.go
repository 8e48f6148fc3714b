package layout

import "github.com/pressroom/publish/internal/article"

// seedArticle returns the seed article, testdata/china-power.txt at the
// repository's root, as the text reader makes it (its title block, one
// author with a bio, the photo credit, two headings and eight paragraphs),
// with the publisher and source URL the command line would add. It is
// built here rather than read so that the layout's tests stand alone: a
// change to the reader cannot move a line break here.
func seedArticle() *article.Publication {
	author := article.Person{
		Name: "Anny Boc",
		Bio: "Anny Boc is a PhD Candidate at the Graduate School of East Asian Studies (GEAS) at the Freie Universität Berlin. " +
			"She is currently a Visiting Fellow in the Asia Division at the German Institute for International and Security Affairs (SWP) in Berlin. " +
			"The views expressed here are the author‘s own and do not represent in any way those of the institutions to which she is affiliated.",
	}
	a := &article.Article{
		Meta: article.Metadata{
			Title:     "North Korea and China, Friends Again?",
			Subtitle:  "How economic engagement with North Korea serves China’s broader strategy in Northeast Asia.",
			Section:   "China Power",
			Authors:   []article.Person{author},
			Lang:      "en",
			Publisher: "The Diplomat",
			SourceURL: "https://thediplomat.com/2018/05/north-korea-and-china-friends-again/",
			LeadImage: &article.Image{Credit: "Flickr / John Pavelka"},
		},
		Credits: []article.Credit{
			{Role: article.RolePhoto, Text: "Flickr / John Pavelka", Name: "John Pavelka", Agency: "Flickr"},
			{Role: article.RoleAuthorBio, Text: author.Bio, Name: "Anny Boc"},
		},
		Body: []article.Block{
			&article.Paragraph{Text: article.Plain("After many years of strained relations between China and North Korea, the so-called traditional friendship seems to be moving back on tracks as North Korea’s leader Kim Jong-un made an unofficial visit to Beijing at the end of March – his first foreign state visit and first meeting with Chinese President Xi Jinping since assuming power in 2011.")},
			&article.Paragraph{Text: article.Plain("While China at first appeared to be sidelined from the talks surrounding the future on the Korean Peninsula, Beijing by now has made very clear that it remains a central player in Northeast Asia. " +
				"Remarkably, within a very short period of time the high-level exchanges between the two neighboring countries have intensified. " +
				"Despite Kim’s recent surprising second meeting with Xi in Dalian and Wang Yi’s visit to Pyongyang – the last Chinese foreign minister visited North Korea in 2007 – a high ranking delegation of North Korean officials paid a two-day visit to Beijing on May 14-15. " +
				"It was reported that they met Xi and toured various economic areas, including the Zhongguancun High-Tech Zone, also referred to as China’s Silicon Valley. " +
				"The delegation consisted of several senior party officials, who represent major provinces and cities of North Korea and was led by Pak Thae Song, vice-chairman of the Central Committee of the ruling Workers’ Party of Korea and one of Kim’s close aides. " +
				"According to the Chinese foreign ministry, the aim of the visit was mainly to learn about China’s experience in economic opening up and reforms.")},
			&article.Heading{Level: 2, Text: article.Plain("Economic Engagement with North Korea")},
			&article.Paragraph{Text: article.Plain("As North Korea’s nuclear weapons capabilities and ballistic missile technologies have undergone rapid advancement over the last year, Kim’s focus has shifted from the nuclear to the economic side of his dual-track policy, aiming at building a “socialist economy”. " +
				"This shift is welcomed in Beijing. " +
				"For many years, China has tried to encourage North Korea to pursue similar economic reforms as China under Deng Xiaoping’s leadership but its efforts have been rather fruitless – until now.")},
			&article.Paragraph{Text: article.Plain("China’s economic engagement with North Korea has been a key pillar of its foreign policy towards its neighbor. " +
				"While on the international level Beijing has supported successive rounds of UN sanctions against North Korea, on the bilateral level it has continued its economic exchange with Pyongyang, even when, in 2017, the China-North Korean relationship seemingly reached the lowest point since the Korean War. " +
				"Given the fact that China is North Korea’s largest trading partner and main provider for energy and food, Beijing’s behavior towards Pyongyang is often viewed as ambiguous, inconsistent, and undermining international efforts to curb Kim’s nuclear ambitions.")},
			&article.Paragraph{Text: article.Plain("From a Chinese perspective, stability on the Korean peninsula is a top priority and therefore Beijing views its long-lasting support for the Kim regime inevitably as the best strategic choice. " +
				"However, China’s emphasis on economic engagement with North Korea serves much more than solely the purpose to preserve the status quo in the region. " +
				"The underlying logic guiding its policy is “change through trade,” believing that economic development would in the long-run alter North Korea’s perception concerning the role of nuclear weapons and thus ultimately lead to the goal of achieving denuclearization on the Korean peninsula.")},
			&article.Paragraph{Text: article.Plain("Moreover, Beijing has a strong interest in maintaining a secure border-region and fostering economic development between China and North Korea. " +
				"Especially for the three Chinese northeastern provinces Liaoning, Jilin and Heilongjiang strengthening trade relations with its neighboring country is viewed as essential to their economic revitalization. " +
				"Once the industrial backbone of China’s planned economy, dominated by state-owned enterprises and traditional heavy industries, the northeastern provinces are now lagging well-behind other parts of the country. " +
				"Economic growth in the region is below the national average and the provinces ranked among the worst economic performers across the country. " +
				"The decline of Northeast China does not only pose a threat to its domestic stability but also to a sustainable national economic development. " +
				"Thus, China has a great interest in expanding trade and investment especially in the border regions. " +
				"At the same time, this is closely related to China’s broader strategy of changing the geopolitical, security, and economic structure in the region.")},
			&article.Heading{Level: 2, Text: article.Plain("Integrating North Korea into China’s Belt and Road Initiative")},
			&article.Paragraph{Text: article.Plain("Northeast Asia is viewed as China’s immediate periphery and is of significant importance to China. " +
				"Therefore, revitalizing the economy of China’s northeast provinces and eventually turning them into a new economic core of Northeast Asia can be regarded as an important part of its broader foreign strategy in the region. " +
				"From this perspective, it is not surprising that Northeast Asia has also become a key element of China’s the Belt and Road Initiative (BRI), Xi’s ambitious foreign policy project, aiming at strengthening China’s connectivity with the world. " +
				"Within this framework, three main projects are of significant importance: the China-Mongolia-Russia Economic Corridor (CMREC), one of the six major economic corridors to be constructed under the BRI; the Changchun-Jilin-Tumen Pilot Area and the Liaoning Coastal Economic Belt. " +
				"However, the degree of successful implementation of all the three projects largely depends on a peaceful and stable environment as well as greater economic integration of North Korea into the region. " +
				"Besides building express railways and roads to connect the two countries, China is in particularly eager to gain greater access to North Korea’s ports. " +
				"This would significantly boost the economy of China’s three northeastern provinces as it would facilitate China’s access to the East Sea and thus enables it to ship goods much faster to its neighboring countries.")},
			&article.Paragraph{Text: article.Plain("In order to realize its ambitious long-term strategy, Beijing has already made a few attempts to integrate Pyongyang into the BRI but it has faced obstacles. " +
				"In April 2015, China asked North Korea to join the initiative, however, it is unclear how the Kim regime responded to the proposal at that time. " +
				"In May 2017, Beijing invited a North Korean delegation to attend the Belt and Road Forum – China’s most important diplomatic event in 2017 – along with other international leaders. " +
				"This decision was met by complaints from the United States arguing that the participation of North Korea runs counter to international sanctions. " +
				"Moreover, due to North Korea’s continued provocations last year, including its sixth nuclear test, Beijing supported a series of U.N. " +
				"sanctions against Pyongyang which put constraints on China’s own trade relations with North Korea. " +
				"However, now that the situation on the Korean Peninsula has significantly eased and Kim Jong-un appears to be prioritizing economic development, China is keen to resume bilateral trade relations and work on integrating North Korea into the BRI.")},
		},
	}
	return article.Single(a)
}
