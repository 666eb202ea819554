// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `⟦Báçk ·⟧`,
'passkey.cancelled': `⟦Ñö pásskéý wás çréátéd: thé réqüést wás çáñçélléd ör ñöt çöñfírméd. Séléçt Çréáté pásskéý tö trý ágáíñ. · · · · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.create': `⟦Çréáté pásskéý · · ·⟧`,
'passkey.default-name': `⟦Pásskéý ·⟧`,
'passkey.device-name': str`⟦${0} öñ ${1} ·⟧`,
'passkey.done': `⟦Yöür pásskéý wás áddéd · · · ·⟧`,
'passkey.exists': `⟦Thís dévíçé álréádý hás á pásskéý för ýöür áççöüñt. Ûsé áñöthér dévíçé ör séçürítý kéý, ör çhöösé áñöthér méthöd. · · · · · · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.heading': `⟦Çréáté á pásskéý · · ·⟧`,
'passkey.intro': `⟦Å pásskéý léts ýöü sígñ íñ wíth ýöür fáçé, fíñgérpríñt ör sçrééñ löçk. Ít stáýs öñ ýöür dévíçé áñd çáññöt bé phíshéd. · · · · · · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.limit': `⟦Yöü álréádý hávé thé möst pásskéýs állöwéd. Délété öñé ýöü ñö löñgér üsé, théñ ádd áñöthér. · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.name-heading': `⟦Ñámé ýöür pásskéý · · ·⟧`,
'passkey.name-hint': `⟦Ûp tö 64 çháráçtérs. · · · ·⟧`,
'passkey.name-intro': `⟦Yöür pásskéý ís réádý. Å ñámé hélps ýöü téll ít ápárt fröm ýöür öthér pásskéýs. · · · · · · · · · · · · · · · ·⟧`,
'passkey.name-invalid': `⟦Éñtér á ñámé öf 1 tö 64 çháráçtérs. · · · · · · ·⟧`,
'passkey.name-label': `⟦Pásskéý ñámé · ·⟧`,
'passkey.not-supported': `⟦Thís dévíçé çáñ't çréáté á pásskéý ýöür örgáñízátíöñ áççépts. Trý áñöthér dévíçé ör séçürítý kéý. · · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.origin': `⟦Pásskéýs çáñ't bé çréátéd öñ thís págé. Çöñtáçt ýöür ádmíñístrátör. · · · · · · · · · · · · ·⟧`,
'passkey.prompt': `⟦Whéñ ýöü séléçt Çréáté pásskéý, ýöür bröwsér ör phöñé wíll ásk ýöü tö çöñfírm. · · · · · · · · · · · · · · · ·⟧`,
'passkey.refused': `⟦Wé çöüldñ't vérífý ýöür pásskéý. Séléçt Çréáté pásskéý tö trý ágáíñ. · · · · · · · · · · · · · ·⟧`,
'passkey.save': `⟦Sávé ·⟧`,
'passkey.timeout': `⟦Thé réqüést tíméd öüt. Séléçt Çréáté pásskéý tö trý ágáíñ. · · · · · · · · · · · ·⟧`,
'passkey.unsupported': `⟦Thís bröwsér çáñ't çréáté pásskéýs. Ûsé áñ üp-tö-dáté bröwsér, ör çhöösé áñöthér méthöd. · · · · · · · · · · · · · · · · · ·⟧`,
'passkey.waiting': `⟦Föllöw thé stéps ýöür bröwsér shöws… · · · · · · ·⟧`
};
