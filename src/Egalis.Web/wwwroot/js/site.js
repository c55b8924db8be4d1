// Progressive enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
    // A form that comes back with errors moves the focus to its summary (announced by screen readers).
    var resume = document.querySelector("[data-resume-erreurs]");
    if (resume) {
        resume.focus();
    }
    // Links of the summary move the focus to the field itself, not just scroll to it.
    document.querySelectorAll(".resume-erreurs a[href^='#'], [data-liens-champs] a[href^='#']").forEach(function (lien) {
        lien.addEventListener("click", function (e) {
            var cible = document.getElementById(lien.getAttribute("href").substring(1));
            if (cible) {
                e.preventDefault();
                // Centred rather than flush with the top, so that its label and help stay in sight.
                cible.scrollIntoView({ block: "center" });
                cible.focus({ preventScroll: true });
            }
        });
    });
});

// Attendance: the proxy-holder list appears in a member's row only when the member is marked
// represented (one list kept in a template, rather than a long list on every row).
document.addEventListener("DOMContentLoaded", function () {
    var modele = document.getElementById("modele-mandataire");
    if (!modele) {
        return;
    }
    document.querySelectorAll("select[data-presence]").forEach(function (statut) {
        statut.addEventListener("change", function () {
            var i = statut.getAttribute("data-presence");
            var cellule = document.querySelector("td[data-pouvoir='" + i + "']");
            if (!cellule) {
                return;
            }
            var existant = cellule.querySelector("select");
            if (statut.value === "Represente") {
                if (!existant) {
                    var liste = modele.content.firstElementChild.cloneNode(true);
                    liste.name = "Presences[" + i + "].MandataireId";
                    liste.setAttribute("aria-label", cellule.getAttribute("data-libelle"));
                    var soi = liste.querySelector("option[value='" + cellule.getAttribute("data-membre") + "']");
                    if (soi) {
                        soi.remove();
                    }
                    cellule.replaceChildren(liste);
                    liste.focus();
                }
            } else if (existant && existant.value === "") {
                var tiret = document.createElement("span");
                tiret.setAttribute("aria-hidden", "true");
                tiret.textContent = "–";
                cellule.replaceChildren(tiret);
            }
        });
    });
});

// A dossier's draft saves itself while the person types (and when the page is left), so that a closed browser loses
// nothing; the button still saves without this script. The page says when it last saved, politely.
document.addEventListener("DOMContentLoaded", function () {
    var formulaire = document.querySelector("form[data-brouillon]");
    if (!formulaire || !window.fetch || !window.FormData) {
        return;
    }
    var adresse = formulaire.getAttribute("data-brouillon");
    var etat = document.querySelector("[data-brouillon-etat]");
    var version = formulaire.querySelector("input[name='Input.Version']");
    var minuteur = null;
    var modifie = false;
    var enCours = false;
    function dire(texte) {
        if (etat) {
            etat.textContent = texte;
        }
    }
    function enregistrer() {
        if (!modifie || enCours) {
            return;
        }
        modifie = false;
        enCours = true;
        fetch(adresse, { method: "POST", body: new FormData(formulaire), credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (reponse) { return reponse.json().then(function (corps) { return { ok: reponse.ok, corps: corps }; }); })
            .then(function (r) {
                if (r.ok && version) {
                    version.value = r.corps.version;
                    document.querySelectorAll("input[data-version]").forEach(function (v) { v.value = r.corps.version; });
                }
                dire(r.corps.message);
            })
            .catch(function () {
                modifie = true;
                dire("Brouillon non enregistré : la connexion a été perdue. Il le sera dès qu'elle revient, ou avec le bouton « Enregistrer le brouillon ».");
            })
            .finally(function () { enCours = false; });
    }
    formulaire.addEventListener("input", function () {
        modifie = true;
        clearTimeout(minuteur);
        minuteur = setTimeout(enregistrer, 2000);
    });
    formulaire.addEventListener("change", function () {
        modifie = true;
        clearTimeout(minuteur);
        minuteur = setTimeout(enregistrer, 2000);
    });
    window.addEventListener("pagehide", function () {
        if (modifie && navigator.sendBeacon) {
            navigator.sendBeacon(adresse, new FormData(formulaire));
            modifie = false;
        }
    });
});
