package plaintext

import (
	"strings"
	"sync"
)

// stopwords are the commonest function words (articles, pronouns,
// prepositions, conjunctions, forms of "be" and "have") of the languages
// publish hyphenates: English, French, German, Spanish, Portuguese,
// Italian, Dutch and Czech. In the corpus's prose they are mostly a quarter
// to a half of the words (Czech, inflected, runs lower, which is why a
// sentence's shape also counts); menus and lists of links have nearly
// none. One set for all tells the two apart
// with no need to know the language before the text is read. It is made
// on first use and never changed.
var stopwords = sync.OnceValue(func() map[string]bool {
	lists := []string{
		// English
		"the a an and or but of to in on at by for with from as into about than is are was were be been being has have had do does did will would can could should may might must it its he she they we you i his her their our your my him them us me this that these those which who whom what when where how why there here not no so if then also more most some any all one such only other after before over up out just",
		// French
		"le la les l un une des du de d et ou mais à au aux en dans sur par pour avec sans sous est sont été être a ont avait il elle ils elles nous vous je on ce cette ces qui que qu dont ne pas plus se son sa ses leur leurs",
		// German
		"der die das den dem des ein eine einen einem einer und oder aber zu im mit von auf für aus bei nach über vor ist sind war wurde werden hat haben sie er es wir ihr sich nicht auch als wie dass noch nur",
		// Spanish
		"el los las lo una unos y o pero del al con sin sobre para por entre es son fue ha han su sus se que como más muy",
		// Portuguese
		"os as um uma e do da dos das em no na nos nas foi são não ao seu sua mais",
		// Italian
		"il gli uno di della dei che è sono non per nel nella alla si ma anche",
		// Dutch
		"het een en van op te dat voor met zijn niet aan ook als bij er maar om door werd heeft",
		// Czech
		"a i v ve na se si je jsou byl byla bylo byli jsem jsme jste být bude budou z ze s se k ke o u že to ale jako pro by aby do po od který která které kteří jeho její jejich jim jak už jen tak také než když však nebo ani co kde při před za mezi proti podle během nich něj ho mu mi ten ta ty tom tím této tento tato toto není nejsou má mají může stále ještě již",
	}
	set := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			set[w] = true
		}
	}
	return set
})

// isStopword reports whether w, in lower case, is a function word of one of
// the languages publish hyphenates.
func isStopword(w string) bool { return stopwords()[w] }
