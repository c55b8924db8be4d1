// Progressive enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
    // A form that comes back with errors moves the focus to its summary (announced by screen readers).
    var resume = document.querySelector("[data-resume-erreurs]");
    if (resume) {
        resume.focus();
    }
    // Links of the summary move the focus to the field itself, not just scroll to it.
    document.querySelectorAll(".resume-erreurs a[href^='#']").forEach(function (lien) {
        lien.addEventListener("click", function (e) {
            var cible = document.getElementById(lien.getAttribute("href").substring(1));
            if (cible) {
                e.preventDefault();
                cible.focus();
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
