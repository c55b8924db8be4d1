using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Reads a past deliberation from its text, laid out like the founding act: « Etaient Présents :
/// A – B – … », « X donne pouvoir à Y », « Étai(en)t excusé(es) sans pouvoir : … », secretary,
/// rapporteur, taking note, signature and the prefecture's acknowledgment. Real texts are noisy:
/// names cut by line breaks, « Jean- François », accents and case, the stamp repeated between pages.
/// Whatever cannot be read is reported, never guessed.
/// </summary>
public static partial class LecteurDeliberation
{
    public sealed record Lecture(
        string? NumeroActe, string? ActesId, string? Assemblee, DateOnly? Date, string? Lieu, DateOnly? DateConvocation, string? Objet,
        IReadOnlyList<string> Presents, IReadOnlyList<(string Mandant, string Mandataire)> Pouvoirs, IReadOnlyList<string> Excuses,
        string? Secretaire, string? Rapporteur, bool PriseActe, DateOnly? DateSignature, DateOnly? DateTransmission, DateOnly? DateAccuse,
        IReadOnlyList<string> NonLus);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The longest text read: an extract of the register is far shorter.</summary>
    public const int TailleMaximale = 200_000;

    /// <summary>
    /// Reads the text; every pattern is bounded and the process-wide match timeout applies, so a
    /// pathological text (a phrase repeated thousands of times) ends with a message, never a stuck request.
    /// </summary>
    public static Lecture Lire(string brut)
    {
        if (brut.Length > TailleMaximale)
        {
            return Illisible($"Le texte fait {brut.Length} caractères : {TailleMaximale} au plus. Collez un seul extrait.");
        }
        try
        {
            return LireSansLimite(brut);
        }
        catch (RegexMatchTimeoutException)
        {
            return Illisible("Le texte n'a pas pu être lu en un temps raisonnable (passages répétés ?) : collez un seul extrait, tel qu'il figure au registre.");
        }
    }

    private static Lecture Illisible(string raison) =>
        new(null, null, null, null, null, null, null, [], [], [], null, null, false, null, null, null, [raison]);

    private static Lecture LireSansLimite(string brut)
    {
        var nonLus = new List<string>();
        var texte = brut.Replace("\r", "", StringComparison.Ordinal);

        // The acknowledgment block, read once, then removed wherever it interrupts the text.
        var tampon = Tampon().Match(texte);
        string? actesId = tampon.Success ? Regex.Replace(tampon.Groups["id"].Value, @"\s+", "") : null;
        var transmission = tampon.Success ? DateNumerique(tampon.Groups["tele"].Value) : null;
        var accuse = tampon.Success ? DateNumerique(tampon.Groups["recep"].Value) : null;
        texte = Tampon().Replace(texte, " ");
        texte = Regex.Replace(texte, "</?p>|^--$", " ", RegexOptions.Multiline);

        // One line; hyphens split by a line break or a space rejoined (« Jean- François »).
        var plat = Regex.Replace(texte, @"\s+", " ");
        plat = Regex.Replace(plat, @"(\p{L})- (\p{L})", "$1-$2");

        var numero = Regex.Match(brut, @"^\s*([A-Z0-9][A-Z0-9_]{1,13}[A-Z0-9])\s*$", RegexOptions.Multiline) is { Success: true } n ? n.Groups[1].Value : actesId?.Split('-')[3];
        // The object follows the first « OBJET : » and ends where the session sentence starts: read in a bounded
        // window after it, so a text repeating « OBJET : » costs no more than a normal one.
        string? objet = null;
        if (Regex.Match(plat, @"OBJET\s*:", RegexOptions.IgnoreCase) is { Success: true } debutObjet)
        {
            var depart = debutObjet.Index + debutObjet.Length;
            var fenetre = plat.Substring(depart, Math.Min(700, plat.Length - depart));
            objet = Regex.Match(fenetre, @"^\s*(.{1,600}?)(?=\s+Le \d{1,2}(er)? \p{L}+ \d{4})", RegexOptions.IgnoreCase) is { Success: true } o ? o.Groups[1].Value.Trim() : null;
        }
        if (objet is null) nonLus.Add("L'objet (« OBJET : … ») est introuvable.");

        var seance = Regex.Match(plat, @"Le (?<date>\d{1,2}(er)? \p{L}+ \d{4}),\s*(le |la |l')?(?<assemblee>[^,]{1,200}?),?\s+s'est réunie?(?<suite>.{0,400}?)(?=,\s*sur la convocation|,\s*conformément|\.\s)", RegexOptions.IgnoreCase);
        DateOnly? date = null, convocation = null;
        string? assemblee = null, lieu = null;
        if (seance.Success)
        {
            date = DateEnLettres(seance.Groups["date"].Value);
            assemblee = seance.Groups["assemblee"].Value.Trim();
            var suite = Regex.Replace(seance.Groups["suite"].Value, @"\ben session (extra)?ordinaire\b", "", RegexOptions.IgnoreCase);
            // The place keeps its preposition, as the register writes it: « au Château Saint-Hilaire à Coudoux ».
            var l = Regex.Match(suite, @"(?:^|\s)((?:(?:au|aux|à la|à)\s+|à l')\S.*)$");
            lieu = l.Success ? l.Groups[1].Value.Trim().TrimEnd(',') : null;
            var c = Regex.Match(plat[seance.Index..], @"convocation qui lui a été adressée.{0,300}?le (\d{1,2}(?:er)? \p{L}+ \d{4})", RegexOptions.IgnoreCase);
            convocation = c.Success ? DateEnLettres(c.Groups[1].Value) : null;
        }
        else
        {
            nonLus.Add("La phrase de la séance (« Le … s'est réuni … ») est introuvable : date et assemblée à compléter.");
        }

        const string marqueurs = @"(?=\s*(?:Étai\(en\)t|Etai\(en\)t|Étaient|Etaient|Excusé|Absent|Secrétaire de séance|$))";
        var presents = Noms(Section(plat, @"[EÉ]taient\s+pr[ée]sents?\s*:", marqueurs), "présents", nonLus);
        var pouvoirs = new List<(string, string)>();
        foreach (var segment in Segments(Section(plat, @"excus[ée]\S*\s+avec\s+pouvoir[^:]*:", marqueurs)))
        {
            var m = Regex.Match(segment, @"^(.{1,200}?)\s+donne\s+pouvoir\s+[àa]\s+(.{1,200})$", RegexOptions.IgnoreCase);
            if (m.Success && RessembleAUnNom(m.Groups[1].Value) && RessembleAUnNom(m.Groups[2].Value))
            {
                pouvoirs.Add((Nettoyer(m.Groups[1].Value), Nettoyer(m.Groups[2].Value)));
            }
            else
            {
                nonLus.Add($"Pouvoir illisible : « {segment} ».");
            }
        }
        var excuses = Noms(Section(plat, @"excus[ée]\S*\s+sans\s+pouvoir\s*:", @"(?=\s*(?:Secrétaire de séance|Monsieur|Madame|RAPPORT|$))"), "excusés sans pouvoir", nonLus);
        if (presents.Count == 0) nonLus.Add("La liste des présents (« Etaient Présents : … ») est introuvable.");

        var tous = presents.Concat(pouvoirs.Select(p => p.Item1)).Concat(excuses).ToList();
        var secretaire = Regex.Match(plat, @"Secrétaire de séance\s*:\s*(\p{L}[\p{L}'\- ]{1,100}?)(?=\s+(?:Monsieur|Madame|M\.|Mme|RAPPORT|$))", RegexOptions.IgnoreCase) is { Success: true } s
            ? Retrouver(s.Groups[1].Value, tous) : null;
        var rapporteur = Regex.Match(plat, @"(?:Monsieur|Madame|M\.|Mme)\s+((?:[\p{L}'\-]+\s+){1,4}?[\p{L}'\-]+)\s+donne lecture du rapport", RegexOptions.IgnoreCase) is { Success: true } r
            ? Retrouver(r.Groups[1].Value, tous) : null;
        var priseActe = Regex.IsMatch(plat, @"en prend acte|prend acte du rapport", RegexOptions.IgnoreCase);
        var signature = Regex.Match(plat, @"Signé,? le (\d{1,2}) ([A-ZÉÛa-zéû]+)\.? (\d{4})", RegexOptions.IgnoreCase) is { Success: true } g
            ? DateEnLettres($"{g.Groups[1].Value} {g.Groups[2].Value} {g.Groups[3].Value}") : null;

        return new Lecture(numero, actesId, assemblee, date, lieu, convocation, objet, presents, pouvoirs, excuses, secretaire, rapporteur, priseActe,
            signature, transmission, accuse, nonLus);
    }

    private static string Section(string texte, string debut, string fin)
    {
        var m = Regex.Match(texte, debut + @"\s*(.{0,20000}?)" + fin, RegexOptions.IgnoreCase);
        return m.Success ? m.Groups[1].Value : "";
    }

    private static IEnumerable<string> Segments(string section) =>
        Regex.Split(section, @"\s+[–—-]\s+").Select(x => x.Trim().TrimEnd('.', ';')).Where(x => x.Length > 0);

    private static List<string> Noms(string section, string liste, List<string> nonLus)
    {
        var noms = new List<string>();
        foreach (var segment in Segments(section))
        {
            if (RessembleAUnNom(segment))
            {
                noms.Add(Nettoyer(segment));
            }
            else
            {
                nonLus.Add($"Nom illisible dans la liste des {liste} : « {segment} ».");
            }
        }
        return noms;
    }

    /// <summary>« NOM Prénom »: a word in capitals and a word that is not, two to six words.</summary>
    private static bool RessembleAUnNom(string texte)
    {
        var mots = texte.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return mots.Length is >= 2 and <= 6
            && mots.All(m => Regex.IsMatch(m, @"^[\p{L}][\p{L}'\-\.]*$"))
            && mots.Any(m => m.Length > 1 && m == m.ToUpper(French) && m.Any(char.IsLetter))
            && mots.Any(m => m != m.ToUpper(French));
    }

    private static string Nettoyer(string nom) => Regex.Replace(nom.Trim(), @"\s+", " ");

    /// <summary>« Roxane CALAFAT » written elsewhere as « CALAFAT Roxane »: the same words, whatever order, case or accents.</summary>
    private static string? Retrouver(string ecrit, IReadOnlyList<string> noms)
    {
        var cle = Cle(ecrit);
        return noms.FirstOrDefault(n => Cle(n) == cle) ?? (RessembleAUnNom(ecrit) ? Nettoyer(ecrit) : null);
    }

    /// <summary>« Conseil de la Métropole » read in a text names the « Conseil de la Métropole Aix-Marseille-Provence ».</summary>
    public static bool MemeAssemblee(string lu, string nom)
    {
        static string Norme(string t) => string.Join(' ', SansAccents(t).ToLowerInvariant().Replace('’', '\'').Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));
        var (a, b) = (Norme(lu), Norme(nom));
        return a == b || b.StartsWith(a + " ", StringComparison.Ordinal) || a.StartsWith(b + " ", StringComparison.Ordinal);
    }

    public static string Cle(string nom) =>
        string.Join(' ', SansAccents(nom).ToUpperInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static string SansAccents(string texte) =>
        new(texte.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    private static DateOnly? DateNumerique(string texte) =>
        DateOnly.TryParseExact(texte.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly string[] Mois = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    /// <summary>« 12 décembre 2019 », « 1er mars 2020 », « 03 JAN. 2020 ».</summary>
    private static DateOnly? DateEnLettres(string texte)
    {
        var m = Regex.Match(SansAccents(texte).ToLowerInvariant(), @"(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})");
        if (!m.Success)
        {
            return null;
        }
        var mot = m.Groups[2].Value;
        var mois = Array.FindIndex(Mois, x => x == mot || (mot.Length >= 3 && x.StartsWith(mot, StringComparison.Ordinal))) + 1;
        return mois == 0 ? null
            : DateOnly.TryParse($"{m.Groups[3].Value}-{mois:00}-{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture):00}", CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    [GeneratedRegex(@"Accusé de réception en préfecture\s*(?<id>\d{3}-\d{9}-\d{8}-[A-Z0-9_]+-\s*[A-Z]{2})\s*Date de télétransmission\s*:\s*(?<tele>\d{2}/\d{2}/\d{4})\s*Date de réception préfecture\s*:\s*(?<recep>\d{2}/\d{2}/\d{4})")]
    private static partial Regex Tampon();
}
