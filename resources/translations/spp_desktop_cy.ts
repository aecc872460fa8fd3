<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>“{text}” is not a time; type it as 09:15.</source>
        <translation>Nid yw “{text}” yn amser; teipiwch ef fel 09:15.</translation>
    </message>
    <message>
        <source>“{word}” is not one person on the team; type a name as the team list shows it.</source>
        <translation>Nid yw “{word}” yn un person yn y tîm; teipiwch enw fel y mae rhestr y tîm yn ei ddangos.</translation>
    </message>
    <message>
        <source>There is no question {number}; the plan has {count}.</source>
        <translation>Nid oes cwestiwn {number}; mae gan y cynllun {count}.</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it as 18/01/2027.</source>
        <translation>Nid yw “{text}” yn ddyddiad; teipiwch ef fel 18/01/2027.</translation>
    </message>
    <message>
        <source>workshop-plan.pdf</source>
        <translation>cynllun-gweithdy.pdf</translation>
    </message>
    <message>
        <source>check-in-note.pdf</source>
        <translation>nodyn gwiriad cynnydd.pdf</translation>
    </message>
    <message>
        <source>Save the PDF (it is not encrypted)</source>
        <translation>Cadw&apos;r PDF (nid yw wedi&apos;i amgryptio)</translation>
    </message>
    <message>
        <source>The PDF could not be written there; choose another folder.</source>
        <translation>Ni ellid ysgrifennu&apos;r PDF yno; dewiswch ffolder arall.</translation>
    </message>
    <message>
        <source>Saved {name}. It is not encrypted: share it only as the data-sharing agreement allows.</source>
        <translation>Wedi cadw {name}. Nid yw wedi&apos;i amgryptio: rhannwch ef dim ond fel y mae&apos;r cytundeb rhannu data yn ei ganiatáu.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {name}</source>
        <translation>Ynghylch {name}</translation>
    </message>
    <message>
        <source>{name} icon</source>
        <translation>Eicon {name}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Fersiwn {version}</translation>
    </message>
    <message>
        <source>Encrypted fieldwork for Schools Partnership Programme peer reviews.</source>
        <translation>Gwaith maes wedi&apos;i amgryptio ar gyfer adolygiadau cymheiriaid y Rhaglen Partneriaeth Ysgolion.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Meddalwedd rydd dan drwydded MIT.</translation>
    </message>
    <message>
        <source>Where your reviews are kept</source>
        <translation>Ble mae eich adolygiadau&apos;n cael eu cadw</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Ffolder data</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Agor y ffolder</translation>
    </message>
    <message>
        <source>How they are protected</source>
        <translation>Sut maen nhw&apos;n cael eu diogelu</translation>
    </message>
    <message>
        <source>Your reviews are kept in an encrypted store (SQLCipher 4, AES-256) unlocked by your passphrase through Argon2id; photos are encrypted too; nothing is stored in the clear.</source>
        <translation>Caiff eich adolygiadau eu cadw mewn storfa wedi&apos;i hamgryptio (SQLCipher 4, AES-256) sy&apos;n cael ei datgloi gan eich cyfrinymadrodd drwy Argon2id; mae lluniau wedi&apos;u hamgryptio hefyd; does dim yn cael ei storio heb ei amgryptio.</translation>
    </message>
    <message>
        <source>A feedback PDF or a review package you save is not encrypted: keep it safe and delete it when you no longer need it.</source>
        <translation>Nid yw PDF adborth na phecyn adolygiad rydych chi&apos;n eu cadw wedi&apos;u hamgryptio: cadwch nhw&apos;n ddiogel a&apos;u dileu pan nad oes eu hangen arnoch mwyach.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copïo manylion</translation>
    </message>
    <message>
        <source>Copy the version and system details, for a support request</source>
        <translation>Copïo manylion y fersiwn a&apos;r system, ar gyfer cais am gymorth</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <source>Next step</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>Next step {number}</source>
        <translation>Cam nesaf {number}</translation>
    </message>
    <message>
        <source>Who leads it (a role)</source>
        <translation>Pwy sy&apos;n ei arwain (swydd)</translation>
    </message>
    <message>
        <source>Who leads next step {number}</source>
        <translation>Pwy sy&apos;n arwain cam nesaf {number}</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Next step {number} has a date</source>
        <translation>Mae dyddiad gan gam nesaf {number}</translation>
    </message>
    <message>
        <source>Tick to give this step a date; untick for no date</source>
        <translation>Ticiwch i roi dyddiad i&apos;r cam hwn; dad-diciwch am ddim dyddiad</translation>
    </message>
    <message>
        <source>Due date of next step {number}</source>
        <translation>Dyddiad cwblhau cam nesaf {number}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Remove next step {number}</source>
        <translation>Tynnu cam nesaf {number}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
</context>
<context>
    <name>AssignedRow</name>
    <message>
        <source>Review of {school}</source>
        <translation>Adolygiad: {school}</translation>
    </message>
    <message>
        <source>{dates}  ·  Focus: {focus}</source>
        <translation>{dates}  ·  Ffocws: {focus}</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Llwytho i lawr</translation>
    </message>
    <message>
        <source>Check out the review of {school}</source>
        <translation>Llwytho&apos;r adolygiad i lawr: {school}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>Open the review of {school}</source>
        <translation>Agor yr adolygiad: {school}</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>Ar y gliniadur hwn</translation>
    </message>
    <message>
        <source>Not on this laptop yet</source>
        <translation>Ddim ar y gliniadur hwn eto</translation>
    </message>
    <message>
        <source>You are: {role}  ·  {where}</source>
        <translation>Eich rôl: {role}  ·  {where}</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Saved {time}</source>
        <translation>Cadwyd {time}</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>Nid yw&apos;r cofnod hwnnw&apos;n bodoli mwyach.</translation>
    </message>
</context>
<context>
    <name>BadgeWords</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n eitem</numerusform>
            <numerusform>%n eitem</numerusform>
            <numerusform>%n eitem</numerusform>
            <numerusform>%n eitem</numerusform>
            <numerusform>%n eitem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kind(s) of source</source>
        <translation>
            <numerusform>%n math o ffynhonnell</numerusform>
            <numerusform>%n math o ffynhonnell</numerusform>
            <numerusform>%n math o ffynhonnell</numerusform>
            <numerusform>%n math o ffynhonnell</numerusform>
            <numerusform>%n math o ffynhonnell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked record(s) (is|are) no longer available</source>
        <translation>
            <numerusform>Nid yw %n cofnod cysylltiedig ar gael bellach</numerusform>
            <numerusform>Nid yw %n cofnod cysylltiedig ar gael bellach</numerusform>
            <numerusform>Nid yw %n cofnod cysylltiedig ar gael bellach</numerusform>
            <numerusform>Nid yw %n cofnod cysylltiedig ar gael bellach</numerusform>
            <numerusform>Nid yw %n cofnod cysylltiedig ar gael bellach</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>Team bundles (*{suffix});;All files (*)</source>
        <translation>Bwndeli tîm (*{suffix});;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>This review was imported from a package, not checked out from the server, so it has no team key: team bundles cannot be made for it. Check the review out from the server (File ▸ Reviews on the server…) to share your evidence with the team.</source>
        <translation>Cafodd yr adolygiad hwn ei fewnforio o becyn, nid ei lwytho i lawr o&apos;r gweinydd, felly nid oes ganddo allwedd tîm: ni ellir gwneud bwndeli tîm ar ei gyfer. Llwythwch yr adolygiad i lawr o&apos;r gweinydd (Ffeil ▸ Adolygiadau ar y gweinydd…) i rannu eich tystiolaeth â&apos;r tîm.</translation>
    </message>
    <message>
        <source>Export for the team</source>
        <translation>Allforio i&apos;r tîm</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n newid</numerusform>
            <numerusform>%n newid</numerusform>
            <numerusform>%n newid</numerusform>
            <numerusform>%n newid</numerusform>
            <numerusform>%n newid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {changes} and {photos} to {file}. The file is encrypted for the review team: only team members who checked out this review can open it. Pass it on by USB stick, a shared drive or e-mail.</source>
        <translation>Cadwyd {changes} a {photos} yn {file}. Mae&apos;r ffeil wedi&apos;i hamgryptio ar gyfer y tîm adolygu: dim ond aelodau&apos;r tîm sydd wedi llwytho&apos;r adolygiad hwn i lawr all ei hagor. Rhowch hi i&apos;r lleill ar gof bach USB, ar yriant a rennir neu drwy e-bost.</translation>
    </message>
    <message>
        <source>Import from a team member</source>
        <translation>Mewnforio gan aelod o&apos;r tîm</translation>
    </message>
    <message>
        <source>Nothing new: this laptop already had everything in that bundle.</source>
        <translation>Dim byd newydd: roedd popeth yn y bwndel hwnnw ar y gliniadur hwn eisoes.</translation>
    </message>
    <message>
        <source>Added {changes} and {photos} from the team member&apos;s bundle.</source>
        <translation>Ychwanegwyd {changes} a {photos} o fwndel aelod o&apos;r tîm.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) (was|were) here already.</source>
        <translation>
            <numerusform>Roedd %n newid yma eisoes.</numerusform>
            <numerusform>Roedd %n newid yma eisoes.</numerusform>
            <numerusform>Roedd %n newid yma eisoes.</numerusform>
            <numerusform>Roedd %n newid yma eisoes.</numerusform>
            <numerusform>Roedd %n newid yma eisoes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team bundle</source>
        <translation>Bwndel tîm</translation>
    </message>
</context>
<context>
    <name>CaptureForm</name>
    <message>
        <source>Evidence form</source>
        <translation>Ffurflen dystiolaeth</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Statws cadw</translation>
    </message>
    <message>
        <source>Pass on a concern…</source>
        <translation>Trosglwyddo pryder…</translation>
    </message>
    <message>
        <source>Pass on a safeguarding concern</source>
        <translation>Trosglwyddo pryder diogelu</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Kind of evidence</source>
        <translation>Math o dystiolaeth</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <source>Enquiry questions</source>
        <translation>Cwestiynau ymholi</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagiau</translation>
    </message>
    <message>
        <source>Shared with the headteacher in summary.</source>
        <translation>Yn cael ei rannu â&apos;r pennaeth ar ffurf crynodeb.</translation>
    </message>
    <message>
        <source>Reviewer-only notes, never shown to the school</source>
        <translation>Nodiadau i adolygwyr yn unig, byth yn cael eu dangos i&apos;r ysgol</translation>
    </message>
    <message>
        <source>Kept within the review team: never in the summary, the PDF or the school&apos;s copy.</source>
        <translation>Yn aros o fewn y tîm adolygu: byth yn y crynodeb, y PDF na chopi&apos;r ysgol.</translation>
    </message>
    <message>
        <source>Photos of pupils&apos; work</source>
        <translation>Lluniau o waith disgyblion</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Heb ei gadw eto</translation>
    </message>
    <message>
        <source>Class or year group</source>
        <translation>Dosbarth / grŵp blwyddyn</translation>
    </message>
    <message>
        <source>e.g. Year 4 (Oak class)</source>
        <translation>e.e. Blwyddyn 4 (dosbarth Derwen)</translation>
    </message>
    <message>
        <source>Subject or activity</source>
        <translation>Pwnc neu weithgaredd</translation>
    </message>
    <message>
        <source>e.g. English: whole-class reading</source>
        <translation>e.e. Cymraeg: darllen fel dosbarth cyfan</translation>
    </message>
    <message>
        <source>Staff (role or initials only)</source>
        <translation>Staff (swydd neu lythrennau blaen yn unig)</translation>
    </message>
    <message>
        <source>e.g. Class teacher (JB)</source>
        <translation>e.e. Athro dosbarth (JB)</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>Beth a welwyd</translation>
    </message>
    <message>
        <source>What pupils and adults did and said, as you saw it</source>
        <translation>Beth wnaeth ac a ddywedodd y disgyblion a&apos;r oedolion, fel y gwelsoch chi</translation>
    </message>
    <message>
        <source>Pupil voice</source>
        <translation>Llais y disgyblion</translation>
    </message>
    <message>
        <source>What pupils said, in their words</source>
        <translation>Beth ddywedodd y disgyblion, yn eu geiriau eu hunain</translation>
    </message>
    <message>
        <source>Who with</source>
        <translation>Gyda phwy</translation>
    </message>
    <message>
        <source>Role (never a name)</source>
        <translation>Swydd (byth enw)</translation>
    </message>
    <message>
        <source>e.g. SENCo, English lead, Year 6 pupils</source>
        <translation>e.e. CADY, arweinydd Cymraeg, disgyblion Blwyddyn 6</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Nifer y bobl</translation>
    </message>
    <message>
        <source>Questions asked and what was said</source>
        <translation>Y cwestiynau a ofynnwyd a&apos;r hyn a ddywedwyd</translation>
    </message>
    <message>
        <source>The questions you asked and the answers, in their words</source>
        <translation>Y cwestiynau a ofynnoch chi a&apos;r atebion, yn eu geiriau eu hunain</translation>
    </message>
    <message>
        <source>Year group or class</source>
        <translation>Grŵp blwyddyn / dosbarth</translation>
    </message>
    <message>
        <source>e.g. Year 5</source>
        <translation>e.e. Blwyddyn 5</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Pwnc</translation>
    </message>
    <message>
        <source>e.g. English</source>
        <translation>e.e. Cymraeg</translation>
    </message>
    <message>
        <source>Books looked at</source>
        <translation>Nifer y llyfrau</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sampl</translation>
    </message>
    <message>
        <source>e.g. disadvantaged pupils, SEND, a range of attainment</source>
        <translation>e.e. disgyblion difreintiedig, ADY, ystod o gyrhaeddiad</translation>
    </message>
    <message>
        <source>What the scrutiny looked at</source>
        <translation>Beth oedd dan sylw wrth graffu</translation>
    </message>
    <message>
        <source>What you looked for and what the books showed</source>
        <translation>Beth roeddech chi&apos;n chwilio amdano a&apos;r hyn a ddangosodd y llyfrau</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>e.g. Autumn reading assessment</source>
        <translation>e.e. Asesiad darllen yr hydref</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>O ble y daeth</translation>
    </message>
    <message>
        <source>e.g. provided by the English lead</source>
        <translation>e.e. gan arweinydd Cymraeg yr ysgol</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>Beth mae&apos;n ei ddangos</translation>
    </message>
    <message>
        <source>The figures, answers or passages that bear on the enquiry questions</source>
        <translation>Y ffigurau, yr atebion neu&apos;r darnau sy&apos;n ymwneud â&apos;r cwestiynau ymholi</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>What was seen and heard, described neutrally</source>
        <translation>Beth a welwyd ac a glywyd, wedi&apos;i ddisgrifio&apos;n niwtral</translation>
    </message>
    <message>
        <source>Reviewer-only notes (never shown to the school)</source>
        <translation>Nodiadau i adolygwyr yn unig (byth yn cael eu dangos i&apos;r ysgol)</translation>
    </message>
    <message>
        <source>Thoughts for the review team: things to check, questions to follow up</source>
        <translation>Syniadau i&apos;r tîm adolygu: pethau i&apos;w gwirio, cwestiynau i&apos;w dilyn</translation>
    </message>
</context>
<context>
    <name>CheckinTab</name>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>not yet (90 days after the workshop)</source>
        <translation>dim eto (90 diwrnod ar ôl y gweithdy)</translation>
    </message>
    <message>
        <source>Date of the 90-day check-in</source>
        <translation>Dyddiad y gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>Progress on the actions</source>
        <translation>Cynnydd ar y camau gweithredu</translation>
    </message>
    <message>
        <source>What has changed for pupils</source>
        <translation>Beth sydd wedi newid i&apos;r disgyblion</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Only the lead reviewer or the Improvement Champion records the check-in.</source>
        <translation>Dim ond yr adolygydd arweiniol neu&apos;r Hyrwyddwr Gwella sy&apos;n cofnodi&apos;r gwiriad cynnydd.</translation>
    </message>
    <message>
        <source>Progress on “{action}”</source>
        <translation>Cynnydd ar “{action}”</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Heb ei adolygu eto</translation>
    </message>
    <message>
        <source>Progress saved.</source>
        <translation>Cynnydd wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Check-in date saved.</source>
        <translation>Dyddiad y gwiriad cynnydd wedi&apos;i gadw.</translation>
    </message>
</context>
<context>
    <name>ClosedReviewDialog</name>
    <message>
        <source>Review closed</source>
        <translation>Adolygiad wedi&apos;i gau</translation>
    </message>
    <message>
        <source>The review of {school} has been closed</source>
        <translation>Mae adolygiad {school} wedi&apos;i gau</translation>
    </message>
    <message>
        <source>The partnership closed this review on {date}. Its evidence, photos and notes will now be removed from this laptop; the partnership&apos;s server keeps its outcome. If you need them, save the review&apos;s documents first (the feedback summary, the workshop plan and the check-in note, as PDF files that are not encrypted: keep them as the data-sharing agreement says).</source>
        <translation>Caeodd y bartneriaeth yr adolygiad hwn ar {date}. Bydd ei dystiolaeth, ei luniau a&apos;i nodiadau nawr yn cael eu tynnu oddi ar y gliniadur hwn; mae gweinydd y bartneriaeth yn cadw ei ganlyniad. Os oes eu hangen arnoch, cadwch ddogfennau&apos;r adolygiad yn gyntaf (y crynodeb adborth, cynllun y gweithdy a nodyn y gwiriad cynnydd, fel ffeiliau PDF nad ydynt wedi&apos;u hamgryptio: cadwch nhw fel y mae&apos;r cytundeb rhannu data yn ei ddweud).</translation>
    </message>
    <message>
        <source>&amp;Save documents…</source>
        <translation>&amp;Cadw&apos;r dogfennau…</translation>
    </message>
    <message>
        <source>&amp;Remove from this laptop</source>
        <translation>&amp;Tynnu oddi ar y gliniadur hwn</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nid nawr</translation>
    </message>
    <message>
        <source>{n} changes made on this laptop have not reached the server yet, so the review stays until they have: sync again, then remove it.</source>
        <translation>Nid yw {n} newid a wnaed ar y gliniadur hwn wedi cyrraedd y gweinydd eto, felly mae&apos;r adolygiad yn aros nes eu bod wedi: cysonwch eto, yna ei dynnu.</translation>
    </message>
    <message>
        <source>1 change made on this laptop has not reached the server yet, so the review stays until it has: sync again, then remove it.</source>
        <translation>Nid yw 1 newid a wnaed ar y gliniadur hwn wedi cyrraedd y gweinydd eto, felly mae&apos;r adolygiad yn aros nes ei fod wedi: cysonwch eto, yna ei dynnu.</translation>
    </message>
    <message>
        <source>Choose a folder for the documents</source>
        <translation>Dewiswch ffolder ar gyfer y dogfennau</translation>
    </message>
    <message>
        <source>The documents could not be saved in {folder}: {reason}. Nothing was removed.</source>
        <translation>Nid oedd modd cadw&apos;r dogfennau yn {folder}: {reason}. Ni thynnwyd dim.</translation>
    </message>
    <message>
        <source>Saved in {folder}: {names}.</source>
        <translation>Wedi&apos;u cadw yn {folder}: {names}.</translation>
    </message>
    <message>
        <source>This review has no documents yet (no agreed findings, workshop or check-in).</source>
        <translation>Nid oes gan yr adolygiad hwn ddogfennau eto (dim canfyddiadau wedi&apos;u cytuno, gweithdy na gwiriad cynnydd).</translation>
    </message>
    <message>
        <source>Some typing in this review could not be saved, so it was not removed. Try again.</source>
        <translation>Nid oedd modd cadw peth teipio yn yr adolygiad hwn, felly ni chafodd ei dynnu. Rhowch gynnig arall arni.</translation>
    </message>
</context>
<context>
    <name>ConcernDialog</name>
    <message>
        <source>The designated safeguarding lead (DSL)</source>
        <translation>Y person diogelu dynodedig (PDD)</translation>
    </message>
    <message>
        <source>The chair of governors (a concern about the head)</source>
        <translation>Cadeirydd y llywodraethwyr (pryder am y pennaeth)</translation>
    </message>
    <message>
        <source>The local authority officer (a concern about the head)</source>
        <translation>Swyddog yr awdurdod lleol (pryder am y pennaeth)</translation>
    </message>
    <message>
        <source>the DSL</source>
        <translation>y PDD</translation>
    </message>
    <message>
        <source>the chair of governors</source>
        <translation>cadeirydd y llywodraethwyr</translation>
    </message>
    <message>
        <source>the local authority officer</source>
        <translation>swyddog yr awdurdod lleol</translation>
    </message>
    <message>
        <source>A concern was passed on at {time} to {role}.</source>
        <translation>Trosglwyddwyd pryder am {time}. Derbynnydd: {role}.</translation>
    </message>
    <message>
        <source>Pass on a safeguarding concern</source>
        <translation>Trosglwyddo pryder diogelu</translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation>Wedi&apos;i drosglwyddo i</translation>
    </message>
    <message>
        <source>When it was passed on</source>
        <translation>Pryd y&apos;i trosglwyddwyd</translation>
    </message>
    <message>
        <source>What you saw or heard, as you passed it on</source>
        <translation>Yr hyn a welsoch neu a glywsoch, fel y&apos;i trosglwyddwyd gennych</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>What was passed on</source>
        <translation>Beth a drosglwyddwyd</translation>
    </message>
    <message>
        <source>Follow the school&apos;s safeguarding procedure first. These words stay on this laptop, encrypted; they are never put in the evidence, the findings, a PDF or a sync. The team sees only that a concern was passed on, when and to whom.</source>
        <translation>Dilynwch weithdrefn ddiogelu&apos;r ysgol yn gyntaf. Mae&apos;r geiriau hyn yn aros ar y gliniadur hwn, wedi&apos;u hamgryptio; nid ydynt byth yn mynd i&apos;r dystiolaeth, y canfyddiadau, PDF na&apos;r cysoni. Dim ond bod pryder wedi&apos;i drosglwyddo, pryd ac i bwy, y mae&apos;r tîm yn ei weld.</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>A team member</source>
        <translation>Aelod o&apos;r tîm</translation>
    </message>
    <message>
        <source>Keep deleted</source>
        <translation>Ei gadw wedi&apos;i ddileu</translation>
    </message>
    <message>
        <source>Bring it back</source>
        <translation>Dod ag ef yn ôl</translation>
    </message>
    <message>
        <source>Merge by editing…</source>
        <translation>Cyfuno drwy olygu…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to settle</source>
        <translation>Gwrthdaro i&apos;w ddatrys</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Nothing to settle: every change from the team fits together.</source>
        <translation>Dim byd i&apos;w ddatrys: mae pob newid gan y tîm yn cyd-fynd.</translation>
    </message>
    <message>
        <source>Two or more of the team changed the same thing from the same starting point. Choose the version to keep, or merge them; your choice replaces them for everyone at the next sync. Times come from each laptop&apos;s own clock.</source>
        <translation>Newidiodd dau neu ragor o&apos;r tîm yr un peth o&apos;r un man cychwyn. Dewiswch y fersiwn i&apos;w chadw, neu cyfunwch nhw; bydd eich dewis yn cymryd eu lle i bawb yn y cysoni nesaf. Daw&apos;r amseroedd o gloc pob gliniadur.</translation>
    </message>
    <message>
        <source>the lead reviewer</source>
        <translation>yr adolygydd arweiniol</translation>
    </message>
    <message>
        <source>Two or more of the team changed the same thing. The lead reviewer, {name}, settles these; until then everyone sees the version marked “shown for now”, and nothing is lost.</source>
        <translation>Newidiodd dau neu ragor o&apos;r tîm yr un peth. Yr adolygydd arweiniol, {name}, sy&apos;n datrys y rhain; tan hynny mae pawb yn gweld y fersiwn sydd wedi&apos;i marcio “dangosir am y tro”, ac ni chollir dim.</translation>
    </message>
</context>
<context>
    <name>ConversationCard</name>
    <message>
        <source>Finding {number}: {kind}</source>
        <translation>Canfyddiad {number}: {kind}</translation>
    </message>
    <message>
        <source>Text of finding {number} (edit to amend)</source>
        <translation>Testun canfyddiad {number} (golygwch i ddiwygio)</translation>
    </message>
    <message>
        <source>Edit the wording here if the headteacher and you agree an amendment.</source>
        <translation>Golygwch y geiriad yma os ydych chi a&apos;r pennaeth yn cytuno ar ddiwygiad.</translation>
    </message>
    <message>
        <source>No evidence linked.</source>
        <translation>Dim tystiolaeth wedi&apos;i chysylltu.</translation>
    </message>
    <message>
        <source>Evidence behind this finding</source>
        <translation>Y dystiolaeth y tu ôl i&apos;r canfyddiad hwn</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Canlyniad:</translation>
    </message>
    <message>
        <source>{status}, finding {number}</source>
        <translation>{status}, canfyddiad {number}</translation>
    </message>
    <message>
        <source>What the headteacher said about this finding</source>
        <translation>Beth ddywedodd y pennaeth am y canfyddiad hwn</translation>
    </message>
    <message>
        <source>Headteacher&apos;s comment on finding {number}</source>
        <translation>Sylw&apos;r pennaeth ar ganfyddiad {number}</translation>
    </message>
    <message>
        <source>Headteacher&apos;s comment</source>
        <translation>Sylw&apos;r pennaeth</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} i {end}</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Lesson observation</source>
        <translation>Arsylwi gwers</translation>
    </message>
    <message>
        <source>Learning walk</source>
        <translation>Taith ddysgu</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Cyfweliad</translation>
    </message>
    <message>
        <source>Focus group</source>
        <translation>Grŵp ffocws</translation>
    </message>
    <message>
        <source>Book scrutiny</source>
        <translation>Craffu ar lyfrau</translation>
    </message>
    <message>
        <source>Data review</source>
        <translation>Adolygu data</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Arolwg</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Arsylwi</translation>
    </message>
    <message>
        <source>Interview / focus group / survey</source>
        <translation>Cyfweliad / grŵp ffocws / arolwg</translation>
    </message>
    <message>
        <source>Data / document</source>
        <translation>Data / dogfen</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Disgyblion</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Rhieni</translation>
    </message>
    <message>
        <source>Governors</source>
        <translation>Llywodraethwyr</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>Arweinwyr</translation>
    </message>
    <message>
        <source>Lead reviewer</source>
        <translation>Adolygydd arweiniol</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Adolygydd</translation>
    </message>
    <message>
        <source>Headteacher</source>
        <translation>Pennaeth</translation>
    </message>
    <message>
        <source>Improvement Champion</source>
        <translation>Hyrwyddwr Gwella</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Cryfder</translation>
    </message>
    <message>
        <source>Area to develop</source>
        <translation>Maes i&apos;w ddatblygu</translation>
    </message>
    <message>
        <source>Question to explore further</source>
        <translation>Cwestiwn i&apos;w archwilio ymhellach</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Cytunwyd</translation>
    </message>
    <message>
        <source>Agreed as amended</source>
        <translation>Cytunwyd (gyda diwygiadau)</translation>
    </message>
    <message>
        <source>To explore further</source>
        <translation>I&apos;w archwilio ymhellach</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Heb ddechrau</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>Changed course</source>
        <translation>Wedi newid cyfeiriad</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Cynllunio</translation>
    </message>
    <message>
        <source>Review day</source>
        <translation>Diwrnod adolygu</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Adborth</translation>
    </message>
    <message>
        <source>Improvement workshop</source>
        <translation>Gweithdy gwella</translation>
    </message>
    <message>
        <source>90-day check-in</source>
        <translation>Gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi cau</translation>
    </message>
    <message>
        <source>an inspection grade</source>
        <translation>gradd arolygu</translation>
    </message>
    <message>
        <source>an inspection judgement</source>
        <translation>dyfarniad arolygu</translation>
    </message>
    <message>
        <source>a grading judgement</source>
        <translation>dyfarniad graddio</translation>
    </message>
    <message>
        <source>a judgement of people</source>
        <translation>barn am bobl</translation>
    </message>
    <message>
        <source>a grade</source>
        <translation>gradd</translation>
    </message>
    <message>
        <source>an old inspection grade</source>
        <translation>hen radd arolygu</translation>
    </message>
    <message>
        <source>a judgement rather than a description</source>
        <translation>barn yn hytrach na disgrifiad</translation>
    </message>
    <message>
        <source>Describe what was seen and heard instead, e.g. &quot;most pupils explained their method to a partner&quot;.</source>
        <translation>Disgrifiwch yr hyn a welwyd ac a glywyd yn lle hynny, e.e. &quot;esboniodd y rhan fwyaf o&apos;r disgyblion eu dull i bartner&quot;.</translation>
    </message>
    <message>
        <source>1 book</source>
        <translation>1 llyfr</translation>
    </message>
    <message>
        <source>{n} books</source>
        <translation>{n} llyfr</translation>
    </message>
    <message>
        <source>What are you learning about at the moment?</source>
        <translation>Am beth rydych chi&apos;n dysgu ar hyn o bryd?</translation>
    </message>
    <message>
        <source>Can you show me something you are proud of? Why that one?</source>
        <translation>Allwch chi ddangos rhywbeth rydych chi&apos;n falch ohono i mi? Pam hwnnw?</translation>
    </message>
    <message>
        <source>What helps you when you find something hard?</source>
        <translation>Beth sy&apos;n eich helpu pan fydd rhywbeth yn anodd?</translation>
    </message>
    <message>
        <source>How do you know how well you are doing?</source>
        <translation>Sut rydych chi&apos;n gwybod pa mor dda rydych chi&apos;n dod ymlaen?</translation>
    </message>
    <message>
        <source>If you could change one thing about this, what would it be?</source>
        <translation>Pe gallech chi newid un peth am hyn, beth fyddai hwnnw?</translation>
    </message>
    <message>
        <source>How is this planned and taught across the school?</source>
        <translation>Sut mae hyn yn cael ei gynllunio a&apos;i addysgu ar draws yr ysgol?</translation>
    </message>
    <message>
        <source>What training and support have you had for it?</source>
        <translation>Pa hyfforddiant a chymorth rydych chi wedi&apos;u cael ar ei gyfer?</translation>
    </message>
    <message>
        <source>How do you know it is making a difference for pupils?</source>
        <translation>Sut rydych chi&apos;n gwybod ei fod yn gwneud gwahaniaeth i&apos;r disgyblion?</translation>
    </message>
    <message>
        <source>What would you like to develop next?</source>
        <translation>Beth hoffech chi ei ddatblygu nesaf?</translation>
    </message>
    <message>
        <source>How does the school keep you informed about your child&apos;s learning?</source>
        <translation>Sut mae&apos;r ysgol yn rhoi gwybod i chi am ddysgu eich plentyn?</translation>
    </message>
    <message>
        <source>How are you able to help at home?</source>
        <translation>Sut gallwch chi helpu gartref?</translation>
    </message>
    <message>
        <source>What difference have you noticed for your child?</source>
        <translation>Pa wahaniaeth rydych chi wedi sylwi arno i&apos;ch plentyn?</translation>
    </message>
    <message>
        <source>How do governors find out how well this is going?</source>
        <translation>Sut mae llywodraethwyr yn dod i wybod sut mae hyn yn mynd?</translation>
    </message>
    <message>
        <source>What challenge and support have governors given?</source>
        <translation>Pa her a chymorth mae&apos;r llywodraethwyr wedi&apos;u rhoi?</translation>
    </message>
    <message>
        <source>What does the school&apos;s own evaluation say?</source>
        <translation>Beth mae hunanarfarniad yr ysgol yn ei ddweud?</translation>
    </message>
    <message>
        <source>What did you want this to achieve, and why now?</source>
        <translation>Beth roeddech chi am i hyn ei gyflawni, a pham nawr?</translation>
    </message>
    <message>
        <source>How do you check its impact?</source>
        <translation>Sut rydych chi&apos;n gwirio ei effaith?</translation>
    </message>
    <message>
        <source>What are the next steps, and how will you know they have worked?</source>
        <translation>Beth yw&apos;r camau nesaf, a sut byddwch chi&apos;n gwybod eu bod wedi gweithio?</translation>
    </message>
    <message>
        <source>Use at least 12 characters; a short sentence of three or four words works well.</source>
        <translation>Defnyddiwch o leiaf 12 nod; mae brawddeg fer o dri neu bedwar gair yn gweithio&apos;n dda.</translation>
    </message>
    <message>
        <source>That passphrase repeats the same few characters; choose a few unrelated words instead.</source>
        <translation>Mae&apos;r cyfrinymadrodd hwnnw&apos;n ailadrodd yr un nodau drosodd a throsodd; dewiswch ychydig o eiriau digyswllt yn lle hynny.</translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess; choose a few unrelated words instead.</source>
        <translation>Mae&apos;n rhy hawdd dyfalu&apos;r cyfrinymadrodd hwnnw; dewiswch ychydig o eiriau digyswllt yn lle hynny.</translation>
    </message>
    <message>
        <source>Numbers alone are easy to guess; use a few unrelated words instead.</source>
        <translation>Mae rhifau&apos;n unig yn hawdd eu dyfalu; defnyddiwch ychydig o eiriau digyswllt yn lle hynny.</translation>
    </message>
    <message>
        <source>That passphrase is a run of keys; choose a few unrelated words instead.</source>
        <translation>Rhes o fysellau yw&apos;r cyfrinymadrodd hwnnw; dewiswch ychydig o eiriau digyswllt yn lle hynny.</translation>
    </message>
    <message>
        <source>This will do. Longer is stronger: four or five unrelated words are best.</source>
        <translation>Bydd hwn yn gwneud y tro. Gorau po hiraf: pedwar neu bum gair digyswllt sydd orau.</translation>
    </message>
    <message>
        <source>Strong passphrase.</source>
        <translation>Cyfrinymadrodd cryf.</translation>
    </message>
    <message>
        <source>No evidence linked yet.</source>
        <translation>Dim tystiolaeth wedi&apos;i chysylltu eto.</translation>
    </message>
    <message>
        <source>Rests on one kind of source only; look for a second (observation, voice, books, data).</source>
        <translation>Yn dibynnu ar un math o ffynhonnell yn unig; chwiliwch am ail un (arsylwi, llais, llyfrau, data).</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Torri</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Dewis y c&amp;yfan</translation>
    </message>
    <message>
        <source>&amp;Insert time</source>
        <translation>Mewnosod yr a&amp;mser</translation>
    </message>
    <message>
        <source>Type the time at the cursor, e.g. 10:42</source>
        <translation>Teipio&apos;r amser wrth y cyrchwr, e.e. 10:42</translation>
    </message>
</context>
<context>
    <name>ElapsedLabel</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} mun</translation>
    </message>
    <message>
        <source>{elapsed} since {start}</source>
        <translation>{elapsed} ers {start}</translation>
    </message>
    <message>
        <source>Lesson timer</source>
        <translation>Amserydd y wers</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>Evidence list</source>
        <translation>Rhestr dystiolaeth</translation>
    </message>
    <message>
        <source>Search all evidence</source>
        <translation>Chwilio&apos;r holl dystiolaeth</translation>
    </message>
    <message>
        <source>New evidence</source>
        <translation>Tystiolaeth newydd</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Hidlo yn ôl math</translation>
    </message>
    <message>
        <source>Filter by enquiry question</source>
        <translation>Hidlo yn ôl cwestiwn ymholi</translation>
    </message>
    <message>
        <source>Filter by author</source>
        <translation>Hidlo yn ôl awdur</translation>
    </message>
    <message>
        <source>Filter by day</source>
        <translation>Hidlo yn ôl diwrnod</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Hidlo yn ôl tag</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clirio&apos;r hidlwyr</translation>
    </message>
    <message>
        <source>Clear the search and every filter</source>
        <translation>Clirio&apos;r chwiliad a phob hidlydd</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Pob diwrnod</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Pob tag</translation>
    </message>
    <message>
        <source>Evidence records</source>
        <translation>Cofnodion tystiolaeth</translation>
    </message>
    <message>
        <source>Number of records shown</source>
        <translation>Nifer y cofnodion a ddangosir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Dileu&apos;r cofnod a ddewiswyd</translation>
    </message>
    <message>
        <source>Delete the selected record (Delete). You can undo it.</source>
        <translation>Dileu&apos;r cofnod a ddewiswyd (Delete). Gallwch ddadwneud hyn.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Pob math</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>Pob cwestiwn</translation>
    </message>
    <message>
        <source>Not linked to a question</source>
        <translation>Heb gysylltiad â chwestiwn</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Pawb</translation>
    </message>
    <message>
        <source>No evidence yet</source>
        <translation>Dim tystiolaeth eto</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n cofnod</numerusform>
            <numerusform>%n cofnod</numerusform>
            <numerusform>%n cofnod</numerusform>
            <numerusform>%n cofnod</numerusform>
            <numerusform>%n cofnod</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} records shown</source>
        <translation>Yn dangos {shown} o {total} cofnod</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>New observation</source>
        <translation>Arsylwad newydd</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>Cyfweliad newydd</translation>
    </message>
    <message>
        <source>New book scrutiny</source>
        <translation>Cofnod newydd: craffu ar lyfrau</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>Tystiolaeth arall</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>Choose a record on the left to read or edit it, or start a new one.</source>
        <translation>Dewiswch gofnod ar y chwith i&apos;w ddarllen neu ei olygu, neu dechreuwch un newydd.</translation>
    </message>
    <message>
        <source>That evidence record no longer exists.</source>
        <translation>Nid yw&apos;r cofnod tystiolaeth hwnnw&apos;n bodoli mwyach.</translation>
    </message>
    <message>
        <source>{kind} deleted.</source>
        <translation>Dilëwyd: {kind}.</translation>
    </message>
    <message>
        <source>{kind} deleted. Press Ctrl+Z to undo.</source>
        <translation>Dilëwyd: {kind}. Pwyswch Ctrl+Z i ddadwneud.</translation>
    </message>
    <message>
        <source>{kind} restored.</source>
        <translation>Adferwyd: {kind}.</translation>
    </message>
</context>
<context>
    <name>EvidencePicker</name>
    <message>
        <source>Evidence to link</source>
        <translation>Tystiolaeth i&apos;w chysylltu</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>Filter evidence</source>
        <translation>Hidlo tystiolaeth</translation>
    </message>
    <message>
        <source>Show all evidence</source>
        <translation>Dangos yr holl dystiolaeth</translation>
    </message>
    <message>
        <source>Show all evidence, not only this question&apos;s</source>
        <translation>Dangos yr holl dystiolaeth, nid tystiolaeth y cwestiwn hwn yn unig</translation>
    </message>
    <message>
        <source>Evidence records</source>
        <translation>Cofnodion tystiolaeth</translation>
    </message>
    <message>
        <source>Preview of the selected record</source>
        <translation>Rhagolwg o&apos;r cofnod a ddewiswyd</translation>
    </message>
    <message>
        <source>Select a record to read it in full here.</source>
        <translation>Dewiswch gofnod i&apos;w ddarllen yn llawn yma.</translation>
    </message>
    <message>
        <source>Tick a record (or press Space) to link it to the selected finding, or drag records onto any finding.</source>
        <translation>Ticiwch gofnod (neu pwyswch Space) i&apos;w gysylltu â&apos;r canfyddiad a ddewiswyd, neu llusgwch gofnodion ar unrhyw ganfyddiad.</translation>
    </message>
    <message>
        <source>Evidence for question {number}</source>
        <translation>Tystiolaeth ar gyfer cwestiwn {number}</translation>
    </message>
    <message>
        <source>Select or add a finding to link evidence to it.</source>
        <translation>Dewiswch neu ychwanegwch ganfyddiad i gysylltu tystiolaeth ag ef.</translation>
    </message>
    <message>
        <source>Linking to finding {number} ({kind})</source>
        <translation>Yn cysylltu â chanfyddiad {number} ({kind})</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Where / who</source>
        <translation>Ble / pwy</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Cwestiynau</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Awdur</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Lluniau</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>%n llun wedi&apos;u hatodi</numerusform>
            <numerusform>%n llun wedi&apos;i atodi</numerusform>
            <numerusform>%n llun wedi&apos;u hatodi</numerusform>
            <numerusform>%n llun wedi&apos;u hatodi</numerusform>
            <numerusform>%n llun wedi&apos;u hatodi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
            <numerusform>%n llun</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Dim lluniau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
</context>
<context>
    <name>ExportWords</name>
    <message numerus="yes">
        <source>%n finding(s) (has|have) not been discussed yet ((it is still a draft|they are still drafts))</source>
        <translation>
            <numerusform>Nid yw %n canfyddiad wedi&apos;u trafod eto (drafftiau ydyn nhw o hyd)</numerusform>
            <numerusform>Nid yw %n canfyddiad wedi&apos;i drafod eto (drafft ydyw o hyd)</numerusform>
            <numerusform>Nid yw %n canfyddiad wedi&apos;u trafod eto (drafftiau ydyn nhw o hyd)</numerusform>
            <numerusform>Nid yw %n canfyddiad wedi&apos;u trafod eto (drafftiau ydyn nhw o hyd)</numerusform>
            <numerusform>Nid yw %n canfyddiad wedi&apos;u trafod eto (drafftiau ydyn nhw o hyd)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{lead}, so the feedback summary will leave (it|them) out ({where}). Only agreed findings, and those to explore further, go in the summary. Export it anyway?</source>
        <translation>
            <numerusform>{lead}, felly bydd y crynodeb adborth yn eu gadael allan ({where}). Dim ond canfyddiadau y cytunwyd arnynt, a&apos;r rhai i&apos;w harchwilio ymhellach, sy&apos;n mynd i&apos;r crynodeb. Allforio beth bynnag?</numerusform>
            <numerusform>{lead}, felly bydd y crynodeb adborth yn ei adael allan ({where}). Dim ond canfyddiadau y cytunwyd arnynt, a&apos;r rhai i&apos;w harchwilio ymhellach, sy&apos;n mynd i&apos;r crynodeb. Allforio beth bynnag?</numerusform>
            <numerusform>{lead}, felly bydd y crynodeb adborth yn eu gadael allan ({where}). Dim ond canfyddiadau y cytunwyd arnynt, a&apos;r rhai i&apos;w harchwilio ymhellach, sy&apos;n mynd i&apos;r crynodeb. Allforio beth bynnag?</numerusform>
            <numerusform>{lead}, felly bydd y crynodeb adborth yn eu gadael allan ({where}). Dim ond canfyddiadau y cytunwyd arnynt, a&apos;r rhai i&apos;w harchwilio ymhellach, sy&apos;n mynd i&apos;r crynodeb. Allforio beth bynnag?</numerusform>
            <numerusform>{lead}, felly bydd y crynodeb adborth yn eu gadael allan ({where}). Dim ond canfyddiadau y cytunwyd arnynt, a&apos;r rhai i&apos;w harchwilio ymhellach, sy&apos;n mynd i&apos;r crynodeb. Allforio beth bynnag?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackExport</name>
    <message>
        <source>question {q}: {n}</source>
        <translation>cwestiwn {q}: {n}</translation>
    </message>
    <message>
        <source>Some findings are not agreed yet</source>
        <translation>Nid oes cytundeb ar rai canfyddiadau eto</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Allforio beth bynnag</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Mynd yn ôl</translation>
    </message>
    <message>
        <source>The feedback summary could not be printed. Open it and print it from your PDF viewer instead.</source>
        <translation>Nid oedd modd argraffu&apos;r crynodeb adborth. Agorwch ef a&apos;i argraffu o&apos;ch darllenydd PDF yn lle hynny.</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <source>Feedback</source>
        <translation>Adborth</translation>
    </message>
</context>
<context>
    <name>FeedbackSummary</name>
    <message>
        <source>Feedback summary</source>
        <translation>Crynodeb adborth</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Cyfrinachol</translation>
    </message>
    <message>
        <source>Confidential — shared with {school} under the partnership&apos;s data-sharing agreement</source>
        <translation>Cyfrinachol — wedi&apos;i rannu â {school} dan gytundeb rhannu data&apos;r bartneriaeth</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Tudalen {page} o {pages}</translation>
    </message>
    <message>
        <source>This is a peer review between partner schools, not an inspection, and it gives no grades. The findings below are strengths, areas to develop and questions to explore further, agreed with the school in the feedback conversation and resting on the evidence gathered during the review.</source>
        <translation>Adolygiad cymheiriaid rhwng ysgolion partner yw hwn, nid arolygiad, ac nid yw&apos;n rhoi graddau. Cryfderau, meysydd i&apos;w datblygu a chwestiynau i&apos;w harchwilio ymhellach yw&apos;r canfyddiadau isod, wedi&apos;u cytuno gyda&apos;r ysgol yn y sgwrs adborth ac yn seiliedig ar y dystiolaeth a gasglwyd yn ystod yr adolygiad.</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Ysgol</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partneriaeth</translation>
    </message>
    <message>
        <source>Review dates</source>
        <translation>Dyddiadau&apos;r adolygiad</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Ffocws</translation>
    </message>
    <message>
        <source>Review team</source>
        <translation>Tîm adolygu</translation>
    </message>
    <message>
        <source>Headteacher</source>
        <translation>Pennaeth</translation>
    </message>
    <message>
        <source>Generated on {date}</source>
        <translation>Crëwyd ar {date}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Canfyddiadau</translation>
    </message>
    <message>
        <source>Enquiry question {n}</source>
        <translation>Cwestiwn ymholi {n}</translation>
    </message>
    <message>
        <source>Findings not tied to an enquiry question</source>
        <translation>Canfyddiadau heb gwestiwn ymholi</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>Areas to develop</source>
        <translation>Meysydd i&apos;w datblygu</translation>
    </message>
    <message>
        <source>Questions to explore further</source>
        <translation>Cwestiynau i&apos;w harchwilio ymhellach</translation>
    </message>
    <message>
        <source>Agreed as amended</source>
        <translation>Cytunwyd (gyda diwygiadau)</translation>
    </message>
    <message>
        <source>Headteacher&apos;s comment</source>
        <translation>Sylw&apos;r pennaeth</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>No evidence linked.</source>
        <translation>Dim tystiolaeth wedi&apos;i chysylltu.</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 cofnod</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} cofnod</translation>
    </message>
    <message>
        <source>1 kind of source</source>
        <translation>1 math o ffynhonnell</translation>
    </message>
    <message>
        <source>{n} kinds of source</source>
        <translation>{n} math o ffynhonnell</translation>
    </message>
    <message>
        <source>{records} from {kinds_text}:</source>
        <translation>Cofnodion: {items} · Mathau o ffynhonnell: {kinds}.</translation>
    </message>
    <message>
        <source>1 linked record is no longer available</source>
        <translation>Nid yw 1 cofnod cysylltiedig ar gael bellach</translation>
    </message>
    <message>
        <source>{n} linked records are no longer available</source>
        <translation>Nid yw {n} cofnod cysylltiedig ar gael bellach</translation>
    </message>
    <message>
        <source>No findings were agreed for this question.</source>
        <translation>Ni chytunwyd ar ganfyddiadau ar gyfer y cwestiwn hwn.</translation>
    </message>
    <message>
        <source>Raised but not agreed yet: to explore further</source>
        <translation>Wedi&apos;u codi ond heb eu cytuno eto: i&apos;w harchwilio ymhellach</translation>
    </message>
    <message>
        <source>1 draft finding was not agreed in the feedback conversation and is not included.</source>
        <translation>Ni chytunwyd ar 1 canfyddiad drafft yn y sgwrs adborth, ac nid yw wedi&apos;i gynnwys.</translation>
    </message>
    <message>
        <source>{n} draft findings were not agreed in the feedback conversation and are not included.</source>
        <translation>Ni chytunwyd ar {n} canfyddiad drafft yn y sgwrs adborth, ac nid ydynt wedi&apos;u cynnwys.</translation>
    </message>
    <message>
        <source>After the review</source>
        <translation>Ar ôl yr adolygiad</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Not agreed yet.</source>
        <translation>Heb ei chytuno eto.</translation>
    </message>
    <message>
        <source>Proposed next steps for the improvement workshop</source>
        <translation>Camau nesaf arfaethedig ar gyfer y gweithdy gwella</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Cam nesaf</translation>
    </message>
    <message>
        <source>Who leads it</source>
        <translation>Pwy sy&apos;n arwain</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>No next steps recorded yet.</source>
        <translation>Dim camau nesaf wedi&apos;u cofnodi eto.</translation>
    </message>
    <message>
        <source>90-day check-in</source>
        <translation>Gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>The 90-day check-in is planned for {date}.</source>
        <translation>Mae&apos;r gwiriad cynnydd 90 diwrnod wedi&apos;i drefnu ar gyfer {date}.</translation>
    </message>
    <message>
        <source>The date of the 90-day check-in has not been set yet.</source>
        <translation>Nid yw dyddiad y gwiriad cynnydd 90 diwrnod wedi&apos;i bennu eto.</translation>
    </message>
    <message>
        <source>The 90-day check-in is suggested for {date} (90 days after the review); the date is still to be agreed.</source>
        <translation>Awgrymir cynnal y gwiriad cynnydd 90 diwrnod ar {date} (90 diwrnod ar ôl yr adolygiad); mae&apos;r dyddiad i&apos;w gytuno o hyd.</translation>
    </message>
    <message>
        <source>The 90-day check-in is suggested for {date} (90 days after the improvement workshop); the date is still to be agreed.</source>
        <translation>Awgrymir cynnal y gwiriad cynnydd 90 diwrnod ar {date} (90 diwrnod ar ôl y gweithdy gwella); mae&apos;r dyddiad i&apos;w gytuno o hyd.</translation>
    </message>
    <message>
        <source>Headteacher&apos;s overall comment</source>
        <translation>Sylw cyffredinol y pennaeth</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>pupils</source>
        <translation>disgyblion</translation>
    </message>
    <message>
        <source>parents</source>
        <translation>rhieni</translation>
    </message>
    <message>
        <source>governors</source>
        <translation>llywodraethwyr</translation>
    </message>
    <message>
        <source>leaders</source>
        <translation>arweinwyr</translation>
    </message>
    <message>
        <source>with {who}</source>
        <translation>gyda {who}</translation>
    </message>
    <message>
        <source>January February March April May June July August September October November December</source>
        <translation>Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>The PDF is not encrypted. Share it only as your data-sharing agreement allows.</source>
        <translation>Nid yw&apos;r PDF wedi&apos;i amgryptio. Rhannwch ef dim ond fel mae eich cytundeb rhannu data&apos;n caniatáu.</translation>
    </message>
    <message>
        <source>Names and evidence notes are showing. Hide them ({shortcut}) before the screen is shared.</source>
        <translation>Mae enwau a nodiadau tystiolaeth i&apos;w gweld. Cuddiwch nhw ({shortcut}) cyn rhannu&apos;r sgrin.</translation>
    </message>
    <message>
        <source>Feedback conversation</source>
        <translation>Sgwrs adborth</translation>
    </message>
    <message>
        <source>Present (F5)</source>
        <translation>Cyflwyno (F5)</translation>
    </message>
    <message>
        <source>Present full screen</source>
        <translation>Cyflwyno ar sgrin lawn</translation>
    </message>
    <message>
        <source>Full screen, large type, one enquiry question at a time (F5)</source>
        <translation>Sgrin lawn, print mawr, un cwestiwn ymholi ar y tro (F5)</translation>
    </message>
    <message>
        <source>Names of staff and pupils and evidence notes are hidden. Reviewer-only notes are never shown here.</source>
        <translation>Mae enwau staff a disgyblion a nodiadau tystiolaeth yn gudd. Ni ddangosir nodiadau i adolygwyr yn unig yma byth.</translation>
    </message>
    <message>
        <source>Show names and evidence notes ({shortcut})</source>
        <translation>Dangos enwau a nodiadau tystiolaeth ({shortcut})</translation>
    </message>
    <message>
        <source>Show names and evidence notes</source>
        <translation>Dangos enwau a nodiadau tystiolaeth</translation>
    </message>
    <message>
        <source>Names of staff and pupils, and evidence notes. Reviewer-only notes are never shown here.</source>
        <translation>Enwau staff a disgyblion, a nodiadau tystiolaeth. Ni ddangosir nodiadau i adolygwyr yn unig yma byth.</translation>
    </message>
    <message>
        <source>Export feedback summary (PDF)…</source>
        <translation>Allforio&apos;r crynodeb adborth (PDF)…</translation>
    </message>
    <message>
        <source>Export feedback summary as PDF</source>
        <translation>Allforio&apos;r crynodeb adborth fel PDF</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>Neges allforio</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>Open the feedback summary</source>
        <translation>Agor y crynodeb adborth</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Dangos yn y ffolder</translation>
    </message>
    <message>
        <source>Show the feedback summary in its folder</source>
        <translation>Dangos y crynodeb adborth yn ei ffolder</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Argraffu…</translation>
    </message>
    <message>
        <source>Print the feedback summary</source>
        <translation>Argraffu&apos;r crynodeb adborth</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Sgwrs</translation>
    </message>
    <message>
        <source>Headteacher: {name}</source>
        <translation>Pennaeth: {name}</translation>
    </message>
    <message>
        <source>Improvement priority and next steps</source>
        <translation>Blaenoriaeth gwella a chamau nesaf</translation>
    </message>
    <message>
        <source>Enquiry question {n} of {total}</source>
        <translation>Cwestiwn ymholi {n} o {total}</translation>
    </message>
    <message>
        <source>No findings for this question yet. Draft them on the Findings page.</source>
        <translation>Dim canfyddiadau ar gyfer y cwestiwn hwn eto. Drafftiwch nhw ar y dudalen Canfyddiadau.</translation>
    </message>
    <message>
        <source>Export feedback summary (PDF) — the file is not encrypted</source>
        <translation>Allforio&apos;r crynodeb adborth (PDF) — nid yw&apos;r ffeil wedi&apos;i hamgryptio</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Feedback summary - {school} - {date}.pdf</source>
        <translation>Crynodeb adborth - {school} - {date}.pdf</translation>
    </message>
    <message>
        <source>Preparing the feedback summary…</source>
        <translation>Wrthi&apos;n paratoi&apos;r crynodeb adborth…</translation>
    </message>
    <message>
        <source>Feedback summary saved to {path}.</source>
        <translation>Cadwyd y crynodeb adborth yn {path}.</translation>
    </message>
    <message>
        <source>There are no findings yet, so there is nothing to put in the feedback summary. Draft findings first.</source>
        <translation>Nid oes canfyddiadau eto, felly nid oes dim i&apos;w roi yn y crynodeb adborth. Drafftiwch ganfyddiadau yn gyntaf.</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>nid oes modd ysgrifennu i&apos;r ffolder</translation>
    </message>
    <message>
        <source>The PDF could not be written there ({reason}). Choose another folder and try again.</source>
        <translation>Nid oedd modd ysgrifennu&apos;r PDF yno ({reason}). Dewiswch ffolder arall a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The PDF could not be made. Nothing was written. Try again, and if it keeps failing, export the review package instead.</source>
        <translation>Nid oedd modd creu&apos;r PDF. Ni ysgrifennwyd dim. Rhowch gynnig arall arni, ac os yw&apos;n dal i fethu, allforiwch y pecyn adolygiad yn lle hynny.</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>Finding {number}</source>
        <translation>Canfyddiad {number}</translation>
    </message>
    <message>
        <source>Kind of finding {number}</source>
        <translation>Math o ganfyddiad {number}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Delete finding {number}</source>
        <translation>Dileu canfyddiad {number}</translation>
    </message>
    <message>
        <source>Delete this finding (you can undo)</source>
        <translation>Dileu&apos;r canfyddiad hwn (gallwch ddadwneud)</translation>
    </message>
    <message>
        <source>What the evidence shows, in neutral words</source>
        <translation>Beth mae&apos;r dystiolaeth yn ei ddangos, mewn geiriau niwtral</translation>
    </message>
    <message>
        <source>Text of finding {number}</source>
        <translation>Testun canfyddiad {number}</translation>
    </message>
    <message>
        <source>Reviewer-only notes (never shown to the school or in the PDF)</source>
        <translation>Nodiadau i adolygwyr yn unig (byth yn cael eu dangos i&apos;r ysgol nac yn y PDF)</translation>
    </message>
    <message>
        <source>Reviewer-only notes for finding {number}</source>
        <translation>Nodiadau i adolygwyr yn unig ar gyfer canfyddiad {number}</translation>
    </message>
    <message>
        <source>Linked evidence</source>
        <translation>Tystiolaeth wedi&apos;i chysylltu</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… a {n} arall</translation>
    </message>
    <message>
        <source>No evidence linked yet: tick records on the right, or drag them here.</source>
        <translation>Dim tystiolaeth wedi&apos;i chysylltu eto: ticiwch gofnodion ar y dde, neu llusgwch nhw yma.</translation>
    </message>
</context>
<context>
    <name>FindingCards</name>
    <message>
        <source>Not discussed yet</source>
        <translation>Heb ei drafod eto</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Cytunwyd</translation>
    </message>
    <message>
        <source>Agreed as amended</source>
        <translation>Cytunwyd (gyda diwygiadau)</translation>
    </message>
    <message>
        <source>To explore further</source>
        <translation>I&apos;w archwilio ymhellach</translation>
    </message>
    <message>
        <source>That finding no longer exists.</source>
        <translation>Nid yw&apos;r canfyddiad hwnnw&apos;n bodoli mwyach.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>Areas to develop</source>
        <translation>Meysydd i&apos;w datblygu</translation>
    </message>
    <message>
        <source>Questions to explore further</source>
        <translation>Cwestiynau i&apos;w harchwilio ymhellach</translation>
    </message>
    <message>
        <source>Staff: {text}</source>
        <translation>Staff: {text}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>Nodiadau: {text}</translation>
    </message>
    <message>
        <source>Reviewer-only note: {text}</source>
        <translation>Nodyn i adolygwyr yn unig: {text}</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Cysylltiedig</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Awdur</translation>
    </message>
    <message>
        <source>Where / who</source>
        <translation>Ble / pwy</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Heb ei gysylltu</translation>
    </message>
    <message>
        <source>Linked to the selected finding</source>
        <translation>Wedi&apos;i gysylltu â&apos;r canfyddiad a ddewiswyd</translation>
    </message>
    <message>
        <source>Tick to link to the selected finding</source>
        <translation>Ticiwch i&apos;w gysylltu â&apos;r canfyddiad a ddewiswyd</translation>
    </message>
    <message>
        <source>1 evidence record</source>
        <translation>1 cofnod tystiolaeth</translation>
    </message>
    <message>
        <source>{n} evidence records</source>
        <translation>{n} cofnod tystiolaeth</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>Findings</source>
        <translation>Canfyddiadau</translation>
    </message>
    <message>
        <source>Findings and evidence matrix</source>
        <translation>Canfyddiadau a matrics tystiolaeth</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>&amp;Canfyddiadau</translation>
    </message>
    <message>
        <source>Evidence &amp;matrix</source>
        <translation>&amp;Matrics tystiolaeth</translation>
    </message>
    <message>
        <source>Evidence &amp;matrix (1 gap)</source>
        <translation>&amp;Matrics tystiolaeth (1 bwlch)</translation>
    </message>
    <message>
        <source>Evidence &amp;matrix ({n} gaps)</source>
        <translation>&amp;Matrics tystiolaeth ({n} bwlch)</translation>
    </message>
    <message>
        <source>Enquiry questions by kind of source: where evidence is thin</source>
        <translation>Cwestiynau ymholi yn ôl math o ffynhonnell: ble mae&apos;r dystiolaeth yn brin</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Findings by enquiry question</source>
        <translation>Canfyddiadau yn ôl cwestiwn ymholi</translation>
    </message>
    <message>
        <source>Add &amp;strength</source>
        <translation>Ychwanegu &amp;cryfder</translation>
    </message>
    <message>
        <source>Add &amp;area to develop</source>
        <translation>Ychwanegu &amp;maes i&apos;w ddatblygu</translation>
    </message>
    <message>
        <source>Add &amp;question to explore</source>
        <translation>Ychwanegu cwestiwn i&apos;w &amp;archwilio</translation>
    </message>
    <message>
        <source>No findings for this question yet. Add a strength, an area to develop or a question to explore further, then link the evidence behind it.</source>
        <translation>Dim canfyddiadau ar gyfer y cwestiwn hwn eto. Ychwanegwch gryfder, maes i&apos;w ddatblygu neu gwestiwn i&apos;w archwilio ymhellach, yna cysylltwch y dystiolaeth sydd y tu ôl iddo.</translation>
    </message>
    <message>
        <source>Findings and evidence to link</source>
        <translation>Canfyddiadau a thystiolaeth i&apos;w chysylltu</translation>
    </message>
    <message>
        <source>Findings for this question</source>
        <translation>Canfyddiadau&apos;r cwestiwn hwn</translation>
    </message>
    <message>
        <source>Link evidence</source>
        <translation>Cysylltu tystiolaeth</translation>
    </message>
    <message>
        <source>Enquiry question {number}</source>
        <translation>Cwestiwn ymholi {number}</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Canfyddiad</translation>
    </message>
    <message>
        <source>{kind} deleted.</source>
        <translation>Dilëwyd: {kind}.</translation>
    </message>
    <message>
        <source>That finding no longer exists.</source>
        <translation>Nid yw&apos;r canfyddiad hwnnw&apos;n bodoli mwyach.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Canllaw defnyddiwr</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>C&amp;roeso</translation>
    </message>
    <message>
        <source>&amp;About SPP Desktop</source>
        <translation>&amp;Ynghylch SPP Desktop</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>This review package could not be imported: at {where}, {problem}. Nothing was added. Ask the partnership lead for a fresh copy of the package.</source>
        <translation>Nid oedd modd mewnforio&apos;r pecyn adolygiad hwn: yn {where}, {problem}. Ni ychwanegwyd dim. Gofynnwch i arweinydd y bartneriaeth am gopi newydd o&apos;r pecyn.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Reviews on this laptop</source>
        <translation>Adolygiadau ar y gliniadur hwn</translation>
    </message>
    <message>
        <source>&amp;Import review package…</source>
        <translation>&amp;Mewnforio pecyn adolygiad…</translation>
    </message>
    <message>
        <source>Import review package</source>
        <translation>Mewnforio pecyn adolygiad</translation>
    </message>
    <message>
        <source>Open &amp;demo review</source>
        <translation>Agor adolygiad &amp;enghreifftiol</translation>
    </message>
    <message>
        <source>Open demo review</source>
        <translation>Agor adolygiad enghreifftiol</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>Everything here is encrypted with your passphrase. Import the review package you were sent by the partnership lead, or try the demo review.</source>
        <translation>Mae popeth yma wedi&apos;i amgryptio gyda&apos;ch cyfrinymadrodd. Mewnforiwch y pecyn adolygiad a anfonodd arweinydd y bartneriaeth atoch, neu rhowch gynnig ar yr adolygiad enghreifftiol.</translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>Dim adolygiadau eto</translation>
    </message>
    <message>
        <source>Choose “Import review package…” to add the review you are taking part in.</source>
        <translation>Dewiswch “Mewnforio pecyn adolygiad…” i ychwanegu&apos;r adolygiad rydych chi&apos;n cymryd rhan ynddo.</translation>
    </message>
    <message>
        <source>Review packages (*.json);;All files (*)</source>
        <translation>Pecynnau adolygiad (*.json);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>The file {name} is far larger than a review package, so it was not read. Nothing was added.</source>
        <translation>Mae&apos;r ffeil {name} yn llawer mwy na phecyn adolygiad, felly ni chafodd ei darllen. Ni ychwanegwyd dim.</translation>
    </message>
    <message>
        <source>The file {name} is nested far too deeply to be a review package. Nothing was added.</source>
        <translation>Mae&apos;r ffeil {name} wedi&apos;i nythu&apos;n llawer rhy ddwfn i fod yn becyn adolygiad. Ni ychwanegwyd dim.</translation>
    </message>
    <message>
        <source>The file {name} could not be read ({error}). Nothing was added.</source>
        <translation>Nid oedd modd darllen y ffeil {name} ({error}). Ni ychwanegwyd dim.</translation>
    </message>
    <message>
        <source>The file {name} is not a review package (it is not valid JSON). Nothing was added.</source>
        <translation>Nid pecyn adolygiad yw&apos;r ffeil {name} (nid yw&apos;n JSON dilys). Ni ychwanegwyd dim.</translation>
    </message>
</context>
<context>
    <name>ImprovementDocuments</name>
    <message>
        <source>Improvement workshop plan</source>
        <translation>Cynllun y gweithdy gwella</translation>
    </message>
    <message>
        <source>90-day check-in note</source>
        <translation>Nodyn y gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>This record belongs to the school&apos;s improvement work with its partners, after a peer review. It gives no grades: it records what the school chose to work on, why, the actions it agreed and the support its partner schools offered.</source>
        <translation>Mae&apos;r cofnod hwn yn rhan o waith gwella&apos;r ysgol gyda&apos;i phartneriaid, ar ôl adolygiad cymheiriaid. Nid yw&apos;n rhoi graddau: mae&apos;n cofnodi&apos;r hyn y dewisodd yr ysgol weithio arno, pam, y camau a gytunwyd a&apos;r gefnogaeth a gynigiodd ei hysgolion partner.</translation>
    </message>
    <message>
        <source>Workshop date</source>
        <translation>Dyddiad y gweithdy</translation>
    </message>
    <message>
        <source>Check-in date</source>
        <translation>Dyddiad y gwiriad cynnydd</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>Pwy a gymerodd ran</translation>
    </message>
    <message>
        <source>Review focus</source>
        <translation>Ffocws yr adolygiad</translation>
    </message>
    <message>
        <source>Review dates</source>
        <translation>Dyddiadau&apos;r adolygiad</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Root causes of the areas to develop</source>
        <translation>Achosion sylfaenol y meysydd i&apos;w datblygu</translation>
    </message>
    <message>
        <source>No root causes were recorded.</source>
        <translation>Ni chofnodwyd unrhyw achosion sylfaenol.</translation>
    </message>
    <message>
        <source>No areas to develop were agreed in the feedback conversation.</source>
        <translation>Ni chytunwyd ar unrhyw feysydd i&apos;w datblygu yn y sgwrs adborth.</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Camau gweithredu</translation>
    </message>
    <message>
        <source>No actions were agreed yet.</source>
        <translation>Ni chytunwyd ar unrhyw gamau eto.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Yn cael ei arwain gan</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Yn dechrau</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Erbyn pryd</translation>
    </message>
    <message>
        <source>Support from</source>
        <translation>Cefnogaeth gan</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Heb ei adolygu eto</translation>
    </message>
    <message>
        <source>What has changed for pupils</source>
        <translation>Beth sydd wedi newid i&apos;r disgyblion</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Dim wedi&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>Generated on {date}</source>
        <translation>Crëwyd ar {date}</translation>
    </message>
    <message>
        <source>Confidential — shared with {school} under the partnership&apos;s data-sharing agreement</source>
        <translation>Cyfrinachol — wedi&apos;i rannu â {school} dan gytundeb rhannu data&apos;r bartneriaeth</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Tudalen {page} o {pages}</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Cyfrinachol</translation>
    </message>
</context>
<context>
    <name>ImprovementPage</name>
    <message>
        <source>Improvement workshop and check-in</source>
        <translation>Y gweithdy gwella a&apos;r gwiriad cynnydd</translation>
    </message>
    <message>
        <source>Workshop and check-in</source>
        <translation>Gweithdy a gwiriad cynnydd</translation>
    </message>
    <message>
        <source>Improvement &amp;workshop</source>
        <translation>Gweithdy &amp;gwella</translation>
    </message>
    <message>
        <source>90-day &amp;check-in</source>
        <translation>Gwiriad &amp;cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>Language of the PDF</source>
        <translation>Iaith y PDF</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Cadw fel &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the shown document as a PDF</source>
        <translation>Cadw&apos;r ddogfen a ddangosir fel PDF</translation>
    </message>
</context>
<context>
    <name>LanguageHint</name>
    <message>
        <source>“{phrase}” reads as {reason}. {advice}</source>
        <translation>Mae “{phrase}” yn swnio fel {reason}. {advice}</translation>
    </message>
    <message>
        <source>{phrases} read as grades or judgements. {advice}</source>
        <translation>Mae {phrases} yn swnio fel graddau neu ddyfarniadau. {advice}</translation>
    </message>
    <message>
        <source>Neutral language hint</source>
        <translation>Awgrym iaith niwtral</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Enquiry-framework library</source>
        <translation>Llyfrgell y fframwaith ymholi</translation>
    </message>
    <message>
        <source>Themes and question starters</source>
        <translation>Themâu a dechreuadau cwestiynau</translation>
    </message>
    <message>
        <source>Pick a starter, then adapt its words to the school&apos;s focus.</source>
        <translation>Dewiswch ddechreuad, yna addaswch ei eiriau i ffocws yr ysgol.</translation>
    </message>
</context>
<context>
    <name>LockNotice</name>
    <message>
        <source>Everything you typed was saved. Unlock to carry on where you left off.</source>
        <translation>Cafodd popeth a deipiwyd gennych ei gadw. Datgloi i barhau o&apos;r man lle&apos;r oeddech chi.</translation>
    </message>
    <message>
        <source>SPP Desktop locked itself after {n} minute without use.</source>
        <translation>Cloiodd SPP Desktop ei hun ar ôl {n} munud heb ei ddefnyddio.</translation>
    </message>
    <message>
        <source>SPP Desktop locked itself after {n} minutes without use.</source>
        <translation>Cloiodd SPP Desktop ei hun ar ôl {n} munud heb ei ddefnyddio.</translation>
    </message>
    <message>
        <source>SPP Desktop locked itself while the laptop was asleep.</source>
        <translation>Cloiodd SPP Desktop ei hun tra oedd y gliniadur yn cysgu.</translation>
    </message>
    <message>
        <source>SPP Desktop is locked.</source>
        <translation>Mae SPP Desktop wedi&apos;i gloi.</translation>
    </message>
    <message>
        <source>Auto-lock warning</source>
        <translation>Rhybudd cloi awtomatig</translation>
    </message>
    <message>
        <source>Locking in {seconds} s: move the mouse or press a key to stay unlocked.</source>
        <translation>Yn cloi mewn {seconds} eiliad: symudwch y llygoden neu pwyswch fysell i aros heb eich cloi.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Lock screen</source>
        <translation>Sgrin clo</translation>
    </message>
    <message>
        <source>SPP Desktop logo</source>
        <translation>Logo SPP Desktop</translation>
    </message>
    <message>
        <source>Peer review fieldwork, kept encrypted on this laptop.</source>
        <translation>Gwaith maes adolygiad cymheiriaid, wedi&apos;i amgryptio ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Why SPP Desktop locked</source>
        <translation>Pam y cloiodd SPP Desktop</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect the reviews on this laptop. You will type it each time you open SPP Desktop. It cannot be recovered, so keep it somewhere safe.</source>
        <translation>Dewiswch gyfrinymadrodd i ddiogelu&apos;r adolygiadau ar y gliniadur hwn. Byddwch yn ei deipio bob tro y byddwch yn agor SPP Desktop. Nid oes modd ei adfer, felly cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>The reviews on this laptop are locked. Type your passphrase to carry on.</source>
        <translation>Mae&apos;r adolygiadau ar y gliniadur hwn wedi&apos;u cloi. Teipiwch eich cyfrinymadrodd i barhau.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase message</source>
        <translation>Neges am y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation>Cyngor am y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Y cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Teipiwch ef &amp;eto</translation>
    </message>
    <message>
        <source>Use at least 12 characters: a short sentence of three or four unrelated words works well.</source>
        <translation>Defnyddiwch o leiaf 12 nod: mae brawddeg fer o dri neu bedwar gair digyswllt yn gweithio&apos;n dda.</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Dangos yr hyn rwy&apos;n ei deipio</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Dangos y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Wrthi&apos;n gweithio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo:&lt;/b&gt; the passphrase is &lt;b&gt;{passphrase}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Enghraifft:&lt;/b&gt; y cyfrinymadrodd yw &lt;b&gt;{passphrase}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Demo: the passphrase is {passphrase}</source>
        <translation>Enghraifft: y cyfrinymadrodd yw {passphrase}</translation>
    </message>
    <message>
        <source>This is a throwaway demo store. It is deleted when you close the app.</source>
        <translation>Storfa enghreifftiol dros dro yw hon. Caiff ei dileu pan fyddwch yn cau&apos;r ap.</translation>
    </message>
    <message>
        <source>&amp;Type it in for me</source>
        <translation>&amp;Teipiwch ef i mi</translation>
    </message>
    <message>
        <source>Type the demo passphrase in for me</source>
        <translation>Teipiwch y cyfrinymadrodd enghreifftiol i mi</translation>
    </message>
    <message>
        <source>Create encrypted store</source>
        <translation>Creu storfa wedi&apos;i hamgryptio</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Nid yw&apos;r ddau gyfrinymadrodd yr un fath. Teipiwch nhw eto.</translation>
    </message>
    <message>
        <source>Creating your encrypted store. This takes a few seconds.</source>
        <translation>Wrthi&apos;n creu eich storfa wedi&apos;i hamgryptio. Mae hyn yn cymryd ychydig eiliadau.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Teipiwch eich cyfrinymadrodd yn gyntaf.</translation>
    </message>
    <message>
        <source>Unlocking. This takes a second or two.</source>
        <translation>Wrthi&apos;n datgloi. Mae hyn yn cymryd eiliad neu ddwy.</translation>
    </message>
    <message>
        <source>SPP Desktop could not open the review store ({error}). Nothing was changed.</source>
        <translation>Nid oedd SPP Desktop yn gallu agor storfa&apos;r adolygiadau ({error}). Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The review store in {folder} is incomplete: a file is missing. Nothing was changed. Put the folder back from a backup, or choose another data folder.</source>
        <translation>Mae storfa&apos;r adolygiadau yn {folder} yn anghyflawn: mae ffeil ar goll. Ni newidiwyd dim. Rhowch y ffolder yn ôl o gopi wrth gefn, neu dewiswch ffolder data arall.</translation>
    </message>
    <message>
        <source>There is already a review store in {folder}. Nothing was changed.</source>
        <translation>Mae storfa adolygiadau yn {folder} eisoes. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>SPP Desktop cannot write to the folder {folder} ({error}). Nothing was changed. Ask IT for write access, or start SPP Desktop with another data folder.</source>
        <translation>Ni all SPP Desktop ysgrifennu i&apos;r ffolder {folder} ({error}). Ni newidiwyd dim. Gofynnwch i&apos;r adran TG am hawl ysgrifennu, neu agorwch SPP Desktop gyda ffolder data arall.</translation>
    </message>
    <message>
        <source>SPP Desktop could not unlock the review store ({error}). Nothing was changed.</source>
        <translation>Nid oedd SPP Desktop yn gallu datgloi storfa&apos;r adolygiadau ({error}). Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Try again in {seconds} s</source>
        <translation>Ceisiwch eto ymhen {seconds} eiliad</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Reviews</source>
        <translation>A&amp;dolygiadau</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>Import review &amp;package…</source>
        <translation>Mewnforio &amp;pecyn adolygiad…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Gosodiadau…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>C&amp;loi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Gada&amp;el</translation>
    </message>
    <message>
        <source>New &amp;observation</source>
        <translation>&amp;Arsylwad newydd</translation>
    </message>
    <message>
        <source>New &amp;interview</source>
        <translation>&amp;Cyfweliad newydd</translation>
    </message>
    <message>
        <source>New &amp;book scrutiny</source>
        <translation>Cofnod newydd: craffu ar &amp;lyfrau</translation>
    </message>
    <message>
        <source>&amp;Search evidence</source>
        <translation>C&amp;hwilio&apos;r dystiolaeth</translation>
    </message>
    <message>
        <source>&amp;Present the findings</source>
        <translation>C&amp;yflwyno&apos;r canfyddiadau</translation>
    </message>
    <message>
        <source>E&amp;xport feedback summary (PDF)…</source>
        <translation>Allforio&apos;r c&amp;rynodeb adborth (PDF)…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Prif far offer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Adolygiad</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Statws cadw</translation>
    </message>
    <message>
        <source>Changes are missing</source>
        <translation>Mae newidiadau ar goll</translation>
    </message>
    <message>
        <source>{count} of the changes saved on this laptop before it last closed are missing: the store&apos;s journal file was deleted or damaged. Everything else is intact. Changes already synced come back with the next sync; check your latest records and type again what is missing.</source>
        <translation>Mae {count} o&apos;r newidiadau a gadwyd ar y gliniadur hwn cyn iddo gau ddiwethaf ar goll: cafodd ffeil dyddlyfr y storfa ei dileu neu ei difrodi. Mae popeth arall yn gyfan. Daw newidiadau sydd eisoes wedi&apos;u cysoni yn ôl gyda&apos;r cysoni nesaf; gwiriwch eich cofnodion diweddaraf a theipiwch eto yr hyn sydd ar goll.</translation>
    </message>
    <message>
        <source>Some typing could not be saved yet; it is kept on screen.</source>
        <translation>Nid oedd modd cadw peth o&apos;r teipio eto; mae&apos;n cael ei gadw ar y sgrin.</translation>
    </message>
    <message>
        <source>Some typing could not be saved before locking (the disk may be full). Free some space; everything saved earlier is safe.</source>
        <translation>Nid oedd modd cadw peth o&apos;r teipio cyn cloi (efallai fod y ddisg yn llawn). Rhyddhewch ychydig o le; mae popeth a gadwyd yn gynharach yn ddiogel.</translation>
    </message>
    <message>
        <source>Not everything is saved</source>
        <translation>Nid yw popeth wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Some typing could not be saved (the disk may be full). If you close now, it is lost. Close anyway?</source>
        <translation>Nid oedd modd cadw peth o&apos;r teipio (efallai fod y ddisg yn llawn). Os byddwch yn cau nawr, bydd yn cael ei golli. Cau beth bynnag?</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Enquiry question</source>
        <translation>Cwestiwn ymholi</translation>
    </message>
    <message>
        <source>Kinds of source</source>
        <translation>Mathau o ffynhonnell</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Cwestiwn</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Arsylwi</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Llais</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>Llyfrau</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Mathau</translation>
    </message>
    <message>
        <source>No {kind} yet for this question</source>
        <translation>Dim {kind} eto ar gyfer y cwestiwn hwn</translation>
    </message>
    <message>
        <source>Enquiry question {number}: {text}</source>
        <translation>Cwestiwn ymholi {number}: {text}</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} o {total}</translation>
    </message>
    <message>
        <source>{records} records from 1 kind of source</source>
        <translation>{records} cofnod o 1 math o ffynhonnell</translation>
    </message>
    <message>
        <source>{records} records from {n} kinds of source</source>
        <translation>{records} cofnod o {n} math o ffynhonnell</translation>
    </message>
    <message>
        <source>; look for a second kind.</source>
        <translation>; chwiliwch am ail fath.</translation>
    </message>
    <message>
        <source>{n} · planned</source>
        <translation>{n} · wedi&apos;i gynllunio</translation>
    </message>
    <message>
        <source>planned, none yet</source>
        <translation>wedi&apos;i gynllunio, dim eto</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source> (planned)</source>
        <translation> (wedi&apos;i gynllunio)</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Evidence matrix</source>
        <translation>Matrics tystiolaeth</translation>
    </message>
    <message>
        <source>Evidence matrix: enquiry questions by kind of source</source>
        <translation>Matrics tystiolaeth: cwestiynau ymholi yn ôl math o ffynhonnell</translation>
    </message>
    <message>
        <source>Shaded cell</source>
        <translation>Cell wedi&apos;i lliwio</translation>
    </message>
    <message>
        <source>A gap: no evidence of this kind yet. Hover a cell for details; press Enter on a question to open its findings.</source>
        <translation>Bwlch: dim tystiolaeth o&apos;r math hwn eto. Hofrwch dros gell i weld manylion; pwyswch Enter ar gwestiwn i agor ei ganfyddiadau.</translation>
    </message>
    <message>
        <source>How many evidence records bear on each enquiry question, by kind of source: captured for the question or linked to one of its findings. Triangulation needs at least two kinds.</source>
        <translation>Faint o gofnodion tystiolaeth sy&apos;n ymwneud â phob cwestiwn ymholi, yn ôl math o ffynhonnell: wedi&apos;u cofnodi ar gyfer y cwestiwn neu wedi&apos;u cysylltu ag un o&apos;i ganfyddiadau. Mae triongli angen o leiaf ddau fath.</translation>
    </message>
    <message>
        <source>Where evidence is thin</source>
        <translation>Ble mae&apos;r dystiolaeth yn brin</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first}, {last}</translation>
    </message>
    <message>
        <source>Question {number}: no {kinds} yet.</source>
        <translation>Cwestiwn {number}: dim {kinds} eto.</translation>
    </message>
    <message>
        <source>Every question has evidence of every kind of source.</source>
        <translation>Mae gan bob cwestiwn dystiolaeth o bob math o ffynhonnell.</translation>
    </message>
    <message>
        <source>Enquiry question</source>
        <translation>Cwestiwn ymholi</translation>
    </message>
</context>
<context>
    <name>MatrixWords</name>
    <message numerus="yes">
        <source>%n record(s) ({kind}) (bears|bear) on question {number}</source>
        <translation>
            <numerusform>Mae %n cofnod ({kind}) yn ymwneud â chwestiwn {number}</numerusform>
            <numerusform>Mae %n cofnod ({kind}) yn ymwneud â chwestiwn {number}</numerusform>
            <numerusform>Mae %n cofnod ({kind}) yn ymwneud â chwestiwn {number}</numerusform>
            <numerusform>Mae %n cofnod ({kind}) yn ymwneud â chwestiwn {number}</numerusform>
            <numerusform>Mae %n cofnod ({kind}) yn ymwneud â chwestiwn {number}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingTab</name>
    <message>
        <source>not yet</source>
        <translation>dim eto</translation>
    </message>
    <message>
        <source>Date of the pre-review meeting</source>
        <translation>Dyddiad y cyfarfod cyn yr adolygiad</translation>
    </message>
    <message>
        <source>Who took part, by role</source>
        <translation>Pwy a gymerodd ran, yn ôl rôl</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Ffocws</translation>
    </message>
    <message>
        <source>Focus description</source>
        <translation>Disgrifiad o&apos;r ffocws</translation>
    </message>
    <message>
        <source>Summary of the school&apos;s self-review</source>
        <translation>Crynodeb o hunanadolygiad yr ysgol</translation>
    </message>
    <message>
        <source>What the school shared of its self-review, in its own words</source>
        <translation>Yr hyn a rannodd yr ysgol o&apos;i hunanadolygiad, yn ei geiriau ei hun</translation>
    </message>
    <message>
        <source>The school&apos;s self-review document</source>
        <translation>Dogfen hunanadolygiad yr ysgol</translation>
    </message>
    <message>
        <source>Attach the school&apos;s &amp;document…</source>
        <translation>Atodi &amp;dogfen yr ysgol…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>Pwy a gymerodd ran</translation>
    </message>
    <message>
        <source>Self-review summary</source>
        <translation>Crynodeb o&apos;r hunanadolygiad</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>Only the lead reviewer records the pre-review meeting.</source>
        <translation>Dim ond yr adolygydd arweiniol sy&apos;n cofnodi&apos;r cyfarfod cyn yr adolygiad.</translation>
    </message>
    <message>
        <source>No document attached</source>
        <translation>Dim dogfen wedi&apos;i hatodi</translation>
    </message>
    <message>
        <source>That file cannot be read.</source>
        <translation>Ni ellir darllen y ffeil honno.</translation>
    </message>
    <message>
        <source>The document is kept, encrypted, with the review.</source>
        <translation>Cedwir y ddogfen, wedi&apos;i hamgryptio, gyda&apos;r adolygiad.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge by editing</source>
        <translation>Cyfuno drwy olygu</translation>
    </message>
    <message>
        <source>Merged version</source>
        <translation>Fersiwn gyfunol</translation>
    </message>
    <message>
        <source>Save as the settled version</source>
        <translation>Cadw fel y fersiwn derfynol</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Every version is below. Edit them into one; when you save, it replaces them for the whole team.</source>
        <translation>Mae pob fersiwn isod. Golygwch nhw yn un; pan fyddwch yn cadw, bydd yn cymryd eu lle i&apos;r tîm cyfan.</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Improvement priority and next steps</source>
        <translation>Blaenoriaeth gwella a chamau nesaf</translation>
    </message>
    <message>
        <source>The one priority the school will take to the improvement workshop</source>
        <translation>Yr un flaenoriaeth y bydd yr ysgol yn ei chymryd i&apos;r gweithdy gwella</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Context for the improvement workshop (optional)</source>
        <translation>Cyd-destun ar gyfer y gweithdy gwella (dewisol)</translation>
    </message>
    <message>
        <source>Proposed next steps: context</source>
        <translation>Camau nesaf arfaethedig: cyd-destun</translation>
    </message>
    <message>
        <source>The headteacher&apos;s overall comment on the review</source>
        <translation>Sylw cyffredinol y pennaeth ar yr adolygiad</translation>
    </message>
    <message>
        <source>Headteacher&apos;s overall comment</source>
        <translation>Sylw cyffredinol y pennaeth</translation>
    </message>
    <message>
        <source>Date of the 90-day check-in</source>
        <translation>Dyddiad y gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>Suggested: 90 days after the improvement workshop. It is saved with this form.</source>
        <translation>Awgrym: 90 diwrnod ar ôl y gweithdy gwella. Caiff ei gadw gyda&apos;r ffurflen hon.</translation>
    </message>
    <message>
        <source>Suggested: 90 days after the review. It is saved with this form.</source>
        <translation>Awgrym: 90 diwrnod ar ôl yr adolygiad. Caiff ei gadw gyda&apos;r ffurflen hon.</translation>
    </message>
    <message>
        <source>Add a next step</source>
        <translation>Ychwanegu cam nesaf</translation>
    </message>
    <message>
        <source>After the conversation</source>
        <translation>Ar ôl y sgwrs</translation>
    </message>
    <message>
        <source>Proposed next steps for the improvement workshop</source>
        <translation>Camau nesaf arfaethedig ar gyfer y gweithdy gwella</translation>
    </message>
    <message>
        <source>Each step: what, who leads it (a role, not a name), and by when.</source>
        <translation>Pob cam: beth, pwy sy&apos;n ei arwain (swydd, nid enw), ac erbyn pryd.</translation>
    </message>
    <message>
        <source>90-day check-in</source>
        <translation>Gwiriad cynnydd 90 diwrnod</translation>
    </message>
    <message>
        <source>Next step removed</source>
        <translation>Tynnwyd y cam nesaf</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Y cyfrinymadrodd presennol</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Y cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Y cyfrinymadrodd &amp;presennol</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>Cyfrinymadrodd &amp;newydd</translation>
    </message>
    <message>
        <source>New passphrase &amp;again</source>
        <translation>Y cyfrinymadrodd newydd &amp;eto</translation>
    </message>
    <message>
        <source>Passphrase message</source>
        <translation>Neges am y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Only the lock on your reviews changes; the reviews stay as they are. The old passphrase stops working at once.</source>
        <translation>Dim ond y clo ar eich adolygiadau sy&apos;n newid; mae&apos;r adolygiadau&apos;n aros fel y maen nhw. Mae&apos;r hen gyfrinymadrodd yn peidio â gweithio ar unwaith.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same. Type them again.</source>
        <translation>Nid yw&apos;r ddau gyfrinymadrodd newydd yr un fath. Teipiwch nhw eto.</translation>
    </message>
    <message>
        <source>That is not the current passphrase. Nothing was changed.</source>
        <translation>Nid dyna&apos;r cyfrinymadrodd presennol. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The passphrase could not be changed ({error}). Nothing was changed.</source>
        <translation>Nid oedd modd newid y cyfrinymadrodd ({error}). Ni newidiwyd dim.</translation>
    </message>
</context>
<context>
    <name>PhotoSection</name>
    <message>
        <source>Photo {n}</source>
        <translation>Llun {n}</translation>
    </message>
    <message>
        <source>That photo was removed.</source>
        <translation>Mae&apos;r llun hwnnw wedi&apos;i ddileu.</translation>
    </message>
    <message>
        <source>Attach photos of pupils&apos; work</source>
        <translation>Atodi lluniau o waith disgyblion</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Lluniau ({patterns})</translation>
    </message>
    <message>
        <source>The file {name} could not be read.</source>
        <translation>Nid oedd modd darllen y ffeil {name}.</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>Photo removed.</source>
        <translation>Llun wedi&apos;i ddileu.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Attached photos</source>
        <translation>Lluniau wedi&apos;u hatodi</translation>
    </message>
    <message>
        <source>No photos yet: attach them or drop them here. Photos are stored encrypted, without location or camera data.</source>
        <translation>Dim lluniau eto: atodwch nhw neu eu gollwng yma. Caiff lluniau eu storio wedi&apos;u hamgryptio, heb ddata lleoliad na chamera.</translation>
    </message>
    <message>
        <source>Attach photos…</source>
        <translation>Atodi lluniau…</translation>
    </message>
    <message>
        <source>Attach photos of pupils&apos; work</source>
        <translation>Atodi lluniau o waith disgyblion</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Dileu&apos;r llun</translation>
    </message>
    <message>
        <source>Remove the selected photo</source>
        <translation>Dileu&apos;r llun a ddewiswyd</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Gweld</translation>
    </message>
    <message>
        <source>View the selected photo and its caption</source>
        <translation>Gweld y llun a ddewiswyd a&apos;i gapsiwn</translation>
    </message>
    <message>
        <source>Photo {n}</source>
        <translation>Llun {n}</translation>
    </message>
    <message>
        <source>{photo}
(not on this laptop yet)</source>
        <translation>{photo}
(ddim ar y gliniadur hwn eto)</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo viewer</source>
        <translation>Gwyliwr lluniau</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Llun</translation>
    </message>
    <message>
        <source>This photo is not on this laptop yet: it arrives with the next sync.</source>
        <translation>Nid yw&apos;r llun hwn ar y gliniadur hwn eto: bydd yn cyrraedd gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Capsiwn</translation>
    </message>
    <message>
        <source>e.g. Year 5 writing: a paragraph redrafted after feedback</source>
        <translation>e.e. Ysgrifennu Blwyddyn 5: paragraff wedi&apos;i ailddrafftio ar ôl adborth</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Capsiwn</translation>
    </message>
</context>
<context>
    <name>PlanErrors</name>
    <message>
        <source>A slot must end after it starts.</source>
        <translation>Rhaid i slot orffen ar ôl iddo ddechrau.</translation>
    </message>
    <message>
        <source>An enquiry question needs some words.</source>
        <translation>Mae angen geiriau ar gwestiwn ymholi.</translation>
    </message>
    <message>
        <source>The review cannot end before it starts.</source>
        <translation>Ni all yr adolygiad orffen cyn iddo ddechrau.</translation>
    </message>
    <message>
        <source>The focus needs a title.</source>
        <translation>Mae angen teitl ar y ffocws.</translation>
    </message>
    <message>
        <source>Choose another day to copy to.</source>
        <translation>Dewiswch ddiwrnod arall i gopïo iddo.</translation>
    </message>
    <message>
        <source>That slot is no longer on the plan.</source>
        <translation>Nid yw&apos;r slot hwnnw yn y cynllun mwyach.</translation>
    </message>
    <message>
        <source>That enquiry question no longer exists.</source>
        <translation>Nid yw&apos;r cwestiwn ymholi hwnnw&apos;n bodoli mwyach.</translation>
    </message>
    <message>
        <source>The document is empty.</source>
        <translation>Mae&apos;r ddogfen yn wag.</translation>
    </message>
    <message>
        <source>The document is larger than 20 MB.</source>
        <translation>Mae&apos;r ddogfen yn fwy nag 20 MB.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Gweithgaredd</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (heddiw)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>Review day</source>
        <translation>Diwrnod adolygu</translation>
    </message>
    <message>
        <source>Only &amp;my activities</source>
        <translation>Fy ngweithgareddau &amp;i yn unig</translation>
    </message>
    <message>
        <source>Show only my activities</source>
        <translation>Dangos fy ngweithgareddau i yn unig</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Amserlen</translation>
    </message>
    <message>
        <source>Schedule columns</source>
        <translation>Colofnau&apos;r amserlen</translation>
    </message>
    <message>
        <source>Start evidence for this slot</source>
        <translation>Dechrau tystiolaeth ar gyfer y slot hwn</translation>
    </message>
    <message>
        <source>Start evidence for the selected slot</source>
        <translation>Dechrau tystiolaeth ar gyfer y slot a ddewiswyd</translation>
    </message>
    <message>
        <source>Double-click a slot, or select it and press Enter, to start its evidence form.</source>
        <translation>Cliciwch ddwywaith ar slot, neu dewiswch ef a phwyso Enter, i ddechrau ei ffurflen dystiolaeth.</translation>
    </message>
    <message>
        <source>Schedule note</source>
        <translation>Nodyn am yr amserlen</translation>
    </message>
    <message>
        <source>Open my evidence for this slot</source>
        <translation>Agor fy nhystiolaeth ar gyfer y slot hwn</translation>
    </message>
    <message>
        <source>Open my evidence for the selected slot</source>
        <translation>Agor fy nhystiolaeth ar gyfer y slot a ddewiswyd</translation>
    </message>
    <message>
        <source>Focus, enquiry questions and team</source>
        <translation>Ffocws, cwestiynau ymholi a thîm</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Ffocws</translation>
    </message>
    <message>
        <source>Enquiry questions</source>
        <translation>Cwestiynau ymholi</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (chi)</translation>
    </message>
    <message>
        <source>Safeguarding</source>
        <translation>Diogelu</translation>
    </message>
    <message>
        <source>✓ Your evidence: open</source>
        <translation>✓ Eich tystiolaeth: agor</translation>
    </message>
    <message>
        <source>✓ Evidence collected</source>
        <translation>✓ Tystiolaeth wedi&apos;i chasglu</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Schedule for {day}</source>
        <translation>Amserlen {day}</translation>
    </message>
    <message>
        <source>{time}
Now</source>
        <translation>{time}
Nawr</translation>
    </message>
    <message>
        <source>{time}, happening now</source>
        <translation>{time}, yn digwydd nawr</translation>
    </message>
    <message>
        <source>Start {kind}</source>
        <translation>Dechrau {kind}</translation>
    </message>
    <message>
        <source>“{activity}” is not an evidence activity, so there is no form to start.</source>
        <translation>Nid yw “{activity}” yn weithgaredd casglu tystiolaeth, felly nid oes ffurflen i&apos;w dechrau.</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Prepare the review</source>
        <translation>Paratoi&apos;r adolygiad</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Cynllunio</translation>
    </message>
    <message>
        <source>Pre-review &amp;meeting</source>
        <translation>&amp;Cyfarfod cyn yr adolygiad</translation>
    </message>
    <message>
        <source>Enquiry &amp;questions</source>
        <translation>C&amp;westiynau ymholi</translation>
    </message>
    <message>
        <source>&amp;Timetable</source>
        <translation>&amp;Amserlen</translation>
    </message>
    <message>
        <source>Agreed with the headteacher at the pre-review meeting; the team sees it on the Plan after the next sync.</source>
        <translation>Wedi&apos;i gytuno gyda&apos;r pennaeth yn y cyfarfod cyn yr adolygiad; mae&apos;r tîm yn ei weld ar y Cynllun ar ôl y cysoni nesaf.</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Feedback conversation</source>
        <translation>Sgwrs adborth</translation>
    </message>
    <message>
        <source>Presentation of the findings</source>
        <translation>Cyflwyniad o&apos;r canfyddiadau</translation>
    </message>
    <message>
        <source>Headteacher&apos;s comment</source>
        <translation>Sylw&apos;r pennaeth</translation>
    </message>
    <message>
        <source>{n} of {total}   ← → to move · ↑ ↓ choose a finding · A agreed · M amended · E explore · C comment · Esc to leave</source>
        <translation>{n} o {total}   ← → i symud · ↑ ↓ dewis canfyddiad · A cytunwyd · M diwygiwyd · E archwilio · C sylw · Esc i adael</translation>
    </message>
    <message>
        <source>Names showing ({shortcut} to hide)</source>
        <translation>Enwau i&apos;w gweld ({shortcut} i&apos;w cuddio)</translation>
    </message>
    <message>
        <source>Names hidden ({shortcut})</source>
        <translation>Enwau yn gudd ({shortcut})</translation>
    </message>
    <message>
        <source>Enquiry question {n} of {total}</source>
        <translation>Cwestiwn ymholi {n} o {total}</translation>
    </message>
    <message>
        <source>Evidence for this question: {support}</source>
        <translation>Tystiolaeth ar gyfer y cwestiwn hwn: {support}</translation>
    </message>
    <message>
        <source>No findings for this question yet.</source>
        <translation>Dim canfyddiadau ar gyfer y cwestiwn hwn eto.</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>(dim testun eto)</translation>
    </message>
    <message>
        <source>Not discussed yet</source>
        <translation>Heb ei drafod eto</translation>
    </message>
    <message>
        <source>Headteacher: “{comment}”</source>
        <translation>Pennaeth: “{comment}”</translation>
    </message>
    <message>
        <source>After the conversation</source>
        <translation>Ar ôl y sgwrs</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Not agreed yet.</source>
        <translation>Heb ei chytuno eto.</translation>
    </message>
    <message>
        <source>Proposed next steps for the improvement workshop</source>
        <translation>Camau nesaf arfaethedig ar gyfer y gweithdy gwella</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>erbyn {date}</translation>
    </message>
    <message>
        <source>No next steps recorded yet.</source>
        <translation>Dim camau nesaf wedi&apos;u cofnodi eto.</translation>
    </message>
    <message>
        <source>90-day check-in: {date} (suggested)</source>
        <translation>Gwiriad cynnydd 90 diwrnod: {date} (awgrymwyd)</translation>
    </message>
    <message>
        <source>90-day check-in: {date}</source>
        <translation>Gwiriad cynnydd 90 diwrnod: {date}</translation>
    </message>
    <message>
        <source>The headteacher&apos;s overall comment</source>
        <translation>Sylw cyffredinol y pennaeth</translation>
    </message>
    <message>
        <source>None yet (C to type it).</source>
        <translation>Dim eto (C i&apos;w deipio).</translation>
    </message>
    <message>
        <source>The headteacher&apos;s comment; Enter to keep it, Esc to drop it</source>
        <translation>Sylw&apos;r pennaeth; Enter i&apos;w gadw, Esc i&apos;w ollwng</translation>
    </message>
</context>
<context>
    <name>PromptPanel</name>
    <message>
        <source>Prompts</source>
        <translation>Ysgogiadau</translation>
    </message>
    <message>
        <source>Enter or double-click puts a prompt into the notes, ready for the answer.</source>
        <translation>Mae Enter neu glicio ddwywaith yn rhoi ysgogiad yn y nodiadau, yn barod am yr ateb.</translation>
    </message>
    <message>
        <source>Prompts for this interview</source>
        <translation>Ysgogiadau ar gyfer y cyfweliad hwn</translation>
    </message>
    <message>
        <source>Insert prompt</source>
        <translation>Mewnosod ysgogiad</translation>
    </message>
    <message>
        <source>Insert the selected prompt into the notes</source>
        <translation>Mewnosod yr ysgogiad a ddewiswyd yn y nodiadau</translation>
    </message>
    <message>
        <source>Q: {prompt}</source>
        <translation>C: {prompt}</translation>
    </message>
</context>
<context>
    <name>QuestionChips</name>
    <message>
        <source>Q{n}</source>
        <translation>C{n}</translation>
    </message>
    <message>
        <source>Enquiry questions this evidence is about</source>
        <translation>Y cwestiynau ymholi y mae&apos;r dystiolaeth hon yn ymwneud â nhw</translation>
    </message>
    <message>
        <source>Link to {number}: {question}</source>
        <translation>Cysylltu â {number}: {question}</translation>
    </message>
    <message>
        <source>This review has no enquiry questions yet.</source>
        <translation>Nid oes gan yr adolygiad hwn gwestiynau ymholi eto.</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Enquiry questions</source>
        <translation>Cwestiynau ymholi</translation>
    </message>
    <message>
        <source>{done} of {total} agreed</source>
        <translation>{done} o {total} wedi&apos;u cytuno</translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation>1 canfyddiad</translation>
    </message>
    <message>
        <source>{n} findings</source>
        <translation>{n} canfyddiad</translation>
    </message>
</context>
<context>
    <name>QuestionTile</name>
    <message>
        <source>Enquiry question {number}: {text}</source>
        <translation>Cwestiwn ymholi {number}: {text}</translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message>
        <source>No.</source>
        <translation>Rhif</translation>
    </message>
    <message>
        <source>Enquiry question</source>
        <translation>Cwestiwn ymholi</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Planned sources</source>
        <translation>Ffynonellau wedi&apos;u cynllunio</translation>
    </message>
    <message>
        <source>Enquiry questions</source>
        <translation>Cwestiynau ymholi</translation>
    </message>
    <message>
        <source>Planned sources for the selected question:</source>
        <translation>Ffynonellau wedi&apos;u cynllunio ar gyfer y cwestiwn a ddewiswyd:</translation>
    </message>
    <message>
        <source>&amp;Add question (Insert)</source>
        <translation>&amp;Ychwanegu cwestiwn (Insert)</translation>
    </message>
    <message>
        <source>From the &amp;library…</source>
        <translation>O&apos;r &amp;llyfrgell…</translation>
    </message>
    <message>
        <source>Move &amp;up (Alt+Up)</source>
        <translation>Symud i &amp;fyny (Alt+Up)</translation>
    </message>
    <message>
        <source>Move do&amp;wn (Alt+Down)</source>
        <translation>Symud i l&amp;awr (Alt+Down)</translation>
    </message>
    <message>
        <source>&amp;Retire (Delete)</source>
        <translation>&amp;Rhoi o&apos;r neilltu (Delete)</translation>
    </message>
    <message>
        <source>S&amp;how retired questions</source>
        <translation>Dangos y cwestiynau a roddwyd o&apos;r &amp;neilltu</translation>
    </message>
    <message>
        <source>Type over a question to reword it. Retired questions keep their evidence and findings.</source>
        <translation>Teipiwch dros gwestiwn i&apos;w aralleirio. Mae cwestiynau a roddwyd o&apos;r neilltu yn cadw eu tystiolaeth a&apos;u canfyddiadau.</translation>
    </message>
    <message>
        <source>Only the lead reviewer changes the enquiry questions.</source>
        <translation>Dim ond yr adolygydd arweiniol sy&apos;n newid y cwestiynau ymholi.</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>o&apos;r neilltu</translation>
    </message>
    <message>
        <source>&amp;Bring back (Delete)</source>
        <translation>&amp;Dod ag ef yn ôl (Delete)</translation>
    </message>
    <message>
        <source>Question saved.</source>
        <translation>Cwestiwn wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Planned sources saved.</source>
        <translation>Ffynonellau wedi&apos;u cynllunio wedi&apos;u cadw.</translation>
    </message>
    <message>
        <source>To what extent …?</source>
        <translation>I ba raddau …?</translation>
    </message>
    <message>
        <source>Question added: type its words.</source>
        <translation>Cwestiwn wedi&apos;i ychwanegu: teipiwch ei eiriau.</translation>
    </message>
    <message>
        <source>Question moved.</source>
        <translation>Cwestiwn wedi&apos;i symud.</translation>
    </message>
    <message>
        <source>Question brought back.</source>
        <translation>Cwestiwn wedi dod yn ôl.</translation>
    </message>
    <message>
        <source>Question retired.</source>
        <translation>Cwestiwn wedi&apos;i roi o&apos;r neilltu.</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>They are safe on this laptop, but the rest of the team will not see them until you sync or export them for the team.</source>
        <translation>Maen nhw&apos;n ddiogel ar y gliniadur hwn, ond ni fydd gweddill y tîm yn eu gweld nes i chi eu cysoni neu eu hallforio i&apos;r tîm.</translation>
    </message>
    <message>
        <source>Quit without syncing?</source>
        <translation>Gadael heb gysoni?</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Export for the team…</source>
        <translation>Allforio i&apos;r tîm…</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Gadael beth bynnag</translation>
    </message>
</context>
<context>
    <name>ReleaseBox</name>
    <message>
        <source>Agreed findings</source>
        <translation>Canfyddiadau y cytunwyd arnynt</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Next steps (actions)</source>
        <translation>Camau nesaf (camau gweithredu)</translation>
    </message>
    <message>
        <source>Check-in progress</source>
        <translation>Cynnydd y gwiriad cynnydd</translation>
    </message>
    <message>
        <source>The headteacher agreed to release these items</source>
        <translation>Cytunodd y pennaeth i ryddhau&apos;r eitemau hyn</translation>
    </message>
    <message>
        <source>Date of the headteacher&apos;s consent</source>
        <translation>Dyddiad cydsyniad y pennaeth</translation>
    </message>
    <message>
        <source>Release to the partnership</source>
        <translation>Rhyddhau i&apos;r bartneriaeth</translation>
    </message>
    <message>
        <source>Only what you tick appears on the partnership&apos;s web console; never evidence, names or reviewer-only notes. The lead reviewer releases, after the headteacher agrees.</source>
        <translation>Dim ond yr hyn rydych chi&apos;n ei dicio sy&apos;n ymddangos ar gonsol gwe&apos;r bartneriaeth; byth dystiolaeth, enwau na nodiadau i adolygwyr yn unig. Yr adolygydd arweiniol sy&apos;n rhyddhau, ar ôl i&apos;r pennaeth gytuno.</translation>
    </message>
    <message>
        <source>Released with the headteacher&apos;s consent of {day}.</source>
        <translation>Wedi&apos;i ryddhau gyda chydsyniad y pennaeth ar {day}.</translation>
    </message>
    <message>
        <source>Nothing is released to the partnership yet.</source>
        <translation>Does dim wedi&apos;i ryddhau i&apos;r bartneriaeth eto.</translation>
    </message>
    <message>
        <source>Record the headteacher&apos;s consent before releasing anything.</source>
        <translation>Cofnodwch gydsyniad y pennaeth cyn rhyddhau dim.</translation>
    </message>
    <message>
        <source>Release saved; it reaches the partnership at the next sync.</source>
        <translation>Mae&apos;r rhyddhau wedi&apos;i gadw; bydd yn cyrraedd y bartneriaeth y tro nesaf y byddwch yn cysoni.</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <source>Review of {school}</source>
        <translation>Adolygiad: {school}</translation>
    </message>
    <message>
        <source>{dates}  ·  Focus: {focus}</source>
        <translation>{dates}  ·  Ffocws: {focus}</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence record(s)</source>
        <translation>
            <numerusform>%n cofnod tystiolaeth</numerusform>
            <numerusform>%n cofnod tystiolaeth</numerusform>
            <numerusform>%n cofnod tystiolaeth</numerusform>
            <numerusform>%n cofnod tystiolaeth</numerusform>
            <numerusform>%n cofnod tystiolaeth</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Cam: {stage}</translation>
    </message>
    <message>
        <source>Closed by the partnership on {date}. Save its documents if you need them, then remove it from this laptop.</source>
        <translation>Wedi&apos;i gau gan y bartneriaeth ar {date}. Cadwch ei ddogfennau os oes eu hangen arnoch, yna ei dynnu oddi ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Evidence kept until {date}</source>
        <translation>Cedwir y dystiolaeth tan {date}</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Tynnu…</translation>
    </message>
    <message>
        <source>Remove the closed review of {school}</source>
        <translation>Tynnu adolygiad caeedig {school}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>Open the review of {school}</source>
        <translation>Agor yr adolygiad: {school}</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Review of {school}</source>
        <translation>Adolygiad: {school}</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Adrannau</translation>
    </message>
</context>
<context>
    <name>ReviewsDialog</name>
    <message>
        <source>Reviews on the server</source>
        <translation>Adolygiadau ar y gweinydd</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>Check-out progress</source>
        <translation>Cynnydd llwytho i lawr</translation>
    </message>
    <message>
        <source>Cancel check-out</source>
        <translation>Canslo llwytho i lawr</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Edrych eto</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Reviews assigned to you</source>
        <translation>Adolygiadau a neilltuwyd i chi</translation>
    </message>
    <message>
        <source>Signed in as {user} on {server}. Check out a review to bring its plan and team onto this laptop; you can then work on it without a network.</source>
        <translation>Wedi mewngofnodi fel {user} ar {server}. Llwythwch adolygiad i lawr i ddod â&apos;i gynllun a&apos;i dîm i&apos;r gliniadur hwn; yna gallwch weithio arno heb rwydwaith.</translation>
    </message>
    <message>
        <source>Asking the server which reviews are yours…</source>
        <translation>Yn gofyn i&apos;r gweinydd pa adolygiadau sy&apos;n eiddo i chi…</translation>
    </message>
    <message>
        <source>The server has no reviews for you yet. Ask your partnership lead to add you to the review team, then choose “Look again”.</source>
        <translation>Nid oes gan y gweinydd adolygiadau i chi eto. Gofynnwch i arweinydd eich partneriaeth eich ychwanegu at y tîm adolygu, yna dewiswch “Edrych eto”.</translation>
    </message>
    <message>
        <source>Fetching the review from the server…</source>
        <translation>Yn nôl yr adolygiad o&apos;r gweinydd…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Yn stopio ar ôl y cam hwn…</translation>
    </message>
    <message>
        <source>The review is on this laptop, but its first sync was stopped. Sync it to finish.</source>
        <translation>Mae&apos;r adolygiad ar y gliniadur hwn, ond cafodd ei gysoni cyntaf ei atal. Cysonwch ef i orffen.</translation>
    </message>
    <message>
        <source>The review is on this laptop now: open it here or from Reviews.</source>
        <translation>Mae&apos;r adolygiad ar y gliniadur hwn nawr: agorwch ef yma neu o Adolygiadau.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Headteacher</source>
        <translation>Pennaeth</translation>
    </message>
    <message>
        <source>Deputy headteacher</source>
        <translation>Dirprwy bennaeth</translation>
    </message>
    <message>
        <source>Senior leader</source>
        <translation>Uwch arweinydd</translation>
    </message>
    <message>
        <source>Subject leader</source>
        <translation>Arweinydd pwnc</translation>
    </message>
    <message>
        <source>SENCo / ALNCo</source>
        <translation>CADY / SENCo</translation>
    </message>
    <message>
        <source>Class teacher</source>
        <translation>Athro dosbarth</translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation>Cynorthwyydd addysgu</translation>
    </message>
    <message>
        <source>Governor</source>
        <translation>Llywodraethwr</translation>
    </message>
    <message>
        <source>Lead reviewer</source>
        <translation>Adolygydd arweiniol</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Adolygydd</translation>
    </message>
    <message>
        <source>Improvement Champion</source>
        <translation>Hyrwyddwr Gwella</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>A change of language applies when you press OK; you stay where you were.</source>
        <translation>Mae newid iaith yn dod i rym pan fyddwch yn pwyso OK; rydych chi&apos;n aros lle&apos;r oeddech chi.</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>Cloi ar ôl hyn o funudau heb ddefnydd</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Rhagosodiad y system</translation>
    </message>
    <message>
        <source>Language of SPP Desktop</source>
        <translation>Iaith SPP Desktop</translation>
    </message>
    <message>
        <source>Same as SPP Desktop</source>
        <translation>Yr un fath ag SPP Desktop</translation>
    </message>
    <message>
        <source>Language of the feedback summary</source>
        <translation>Iaith y crynodeb adborth</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Fel y system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Golau</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tywyll</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Lliwiau</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Maint y testun</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Cloi ar ôl</translation>
    </message>
    <message>
        <source>Language (Iaith)</source>
        <translation>Iaith (Language)</translation>
    </message>
    <message>
        <source>Feedback summary language</source>
        <translation>Iaith y crynodeb adborth</translation>
    </message>
    <message>
        <source>SPP Desktop locks itself when the laptop is left alone for this long, and whenever you press Ctrl+L. Your evidence is saved first.</source>
        <translation>Mae SPP Desktop yn cloi ei hun pan gaiff y gliniadur ei adael am gymaint â hyn o amser, a phryd bynnag y byddwch yn pwyso Ctrl+L. Caiff eich tystiolaeth ei chadw yn gyntaf.</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Newid y &amp;cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> munud</numerusform>
            <numerusform> munud</numerusform>
            <numerusform> munud</numerusform>
            <numerusform> munud</numerusform>
            <numerusform> munud</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to server</source>
        <translation>Mewngofnodi i&apos;r gweinydd</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>&amp;Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Enw defnyddiwr</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>C&amp;yfrinair</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem mewngofnodi</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Wrthi&apos;n mewngofnodi</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Yn cysylltu â&apos;r gweinydd…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Sign in to the SPP server</source>
        <translation>Mewngofnodi i weinydd SPP</translation>
    </message>
    <message>
        <source>Use the account your partnership gave you. Your password is not kept on this laptop; the sign-in is kept inside your encrypted reviews.</source>
        <translation>Defnyddiwch y cyfrif a gawsoch gan eich partneriaeth. Nid yw eich cyfrinair yn cael ei gadw ar y gliniadur hwn; mae&apos;r mewngofnod yn cael ei gadw y tu mewn i&apos;ch adolygiadau wedi&apos;u hamgryptio.</translation>
    </message>
    <message>
        <source>Fill in the server address, your username and your password.</source>
        <translation>Llenwch gyfeiriad y gweinydd, eich enw defnyddiwr a&apos;ch cyfrinair.</translation>
    </message>
</context>
<context>
    <name>SlotRecords</name>
    <message>
        <source>This slot has a record already</source>
        <translation>Mae cofnod ar gyfer y slot hwn yn barod</translation>
    </message>
    <message>
        <source>Start another record</source>
        <translation>Dechrau cofnod arall</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>You have started this slot before: your {kind} from {time} is open again, to carry on writing.</source>
        <translation>Rydych chi wedi dechrau&apos;r slot hwn o&apos;r blaen: mae eich cofnod ({kind}, {time}) ar agor eto, i chi barhau i ysgrifennu.</translation>
    </message>
    <message>
        <source>You have started this slot before: your {kind} is open again, to carry on writing.</source>
        <translation>Rydych chi wedi dechrau&apos;r slot hwn o&apos;r blaen: mae eich cofnod ({kind}) ar agor eto, i chi barhau i ysgrifennu.</translation>
    </message>
</context>
<context>
    <name>SpellChecking</name>
    <message>
        <source>No suggestions</source>
        <translation>Dim awgrymiadau</translation>
    </message>
    <message>
        <source>Add “{word}” to dictionary</source>
        <translation>Ychwanegu “{word}” at y geiriadur</translation>
    </message>
    <message>
        <source>Ignore “{word}”</source>
        <translation>Anwybyddu “{word}”</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>SPP Desktop cannot save in the folder {folder}: it cannot be created or written to.

Choose another folder for your reviews, or ask IT to give you write access to this one. Nothing was changed.</source>
        <translation>Ni all SPP Desktop gadw yn y ffolder {folder}: nid oes modd ei chreu nac ysgrifennu iddi.

Dewiswch ffolder arall ar gyfer eich adolygiadau, neu gofynnwch i&apos;r adran TG roi hawl ysgrifennu i chi yn hon. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>SPP Desktop is already open on the reviews in {folder}.

Switch to that window (it may be minimised or locked), or close it and try again. This copy will close without opening them.</source>
        <translation>Mae SPP Desktop eisoes ar agor ar yr adolygiadau yn {folder}.

Newidiwch i&apos;r ffenestr honno (efallai ei bod wedi&apos;i lleihau neu wedi&apos;i chloi), neu caewch hi a rhowch gynnig arall arni. Bydd y copi hwn yn cau heb eu hagor.</translation>
    </message>
    <message>
        <source>The data folder cannot be used</source>
        <translation>Nid oes modd defnyddio&apos;r ffolder data</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Dewis ffolder arall…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Choose a folder for your reviews</source>
        <translation>Dewiswch ffolder ar gyfer eich adolygiadau</translation>
    </message>
    <message>
        <source>SPP Desktop is already open</source>
        <translation>Mae SPP Desktop eisoes ar agor</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation>Nid yw&apos;r cyfrinymadrodd hwnnw&apos;n gywir. Gwiriwch Caps Lock a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The review store is locked. Unlock it with your passphrase to carry on.</source>
        <translation>Mae storfa&apos;r adolygiadau wedi&apos;i chloi. Datglowch hi gyda&apos;ch cyfrinymadrodd i barhau.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change could not be saved yet. It is kept on screen; free some space and it will be saved.</source>
        <translation>Mae&apos;r ddisg yn llawn, felly nid oedd modd cadw&apos;r newid diwethaf eto. Mae&apos;n cael ei gadw ar y sgrin; rhyddhewch ychydig o le a bydd yn cael ei gadw.</translation>
    </message>
    <message>
        <source>The disk is full, so the review store could not be opened. Free some space and try again; nothing was changed.</source>
        <translation>Mae&apos;r ddisg yn llawn, felly nid oedd modd agor y storfa adolygiadau. Rhyddhewch ychydig o le a rhowch gynnig arall arni; ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>A photo or file attached to this review is damaged or has been altered, so it was not opened. The rest of the review is not affected.</source>
        <translation>Mae llun neu ffeil sydd wedi&apos;i atodi i&apos;r adolygiad hwn wedi&apos;i ddifrodi neu wedi&apos;i newid, felly ni chafodd ei agor. Nid effeithir ar weddill yr adolygiad.</translation>
    </message>
    <message>
        <source>Only the partnership&apos;s server may change the team and its roles, or close the review.</source>
        <translation>Dim ond gweinydd y bartneriaeth all newid y tîm a&apos;i rolau, neu gau&apos;r adolygiad.</translation>
    </message>
    <message>
        <source>A plain edit may not settle a conflict; the lead reviewer resolves it.</source>
        <translation>Ni all golygiad cyffredin ddatrys gwrthdaro; yr adolygydd arweiniol sy&apos;n ei ddatrys.</translation>
    </message>
    <message>
        <source>The author of this change is not on the review&apos;s team.</source>
        <translation>Nid yw awdur y newid hwn ar dîm yr adolygiad.</translation>
    </message>
    <message>
        <source>Only the lead reviewer may settle conflicts.</source>
        <translation>Dim ond yr adolygydd arweiniol all ddatrys gwrthdaro.</translation>
    </message>
    <message>
        <source>Only the lead reviewer may change the review, its plan and its outcome.</source>
        <translation>Dim ond yr adolygydd arweiniol all newid yr adolygiad, ei gynllun a&apos;i ganlyniad.</translation>
    </message>
    <message>
        <source>Only the lead reviewer or the Improvement Champion may change the improvement workshop, its actions and the check-in.</source>
        <translation>Dim ond yr adolygydd arweiniol neu&apos;r Hyrwyddwr Gwella all newid y gweithdy gwella, ei gamau gweithredu a&apos;r gwiriad cynnydd.</translation>
    </message>
    <message>
        <source>The Improvement Champion does not change review-day evidence or findings.</source>
        <translation>Nid yw&apos;r Hyrwyddwr Gwella yn newid tystiolaeth na chanfyddiadau diwrnod yr adolygiad.</translation>
    </message>
    <message>
        <source>Only the lead reviewer may mark findings agreed.</source>
        <translation>Dim ond yr adolygydd arweiniol all nodi bod canfyddiadau wedi&apos;u cytuno.</translation>
    </message>
    <message>
        <source>Only the lead reviewer may change or delete an agreed finding.</source>
        <translation>Dim ond yr adolygydd arweiniol all newid neu ddileu canfyddiad y cytunwyd arno.</translation>
    </message>
    <message>
        <source>A record&apos;s author cannot be changed or given to someone else.</source>
        <translation>Ni ellir newid awdur cofnod na&apos;i roi i rywun arall.</translation>
    </message>
    <message>
        <source>Only the author of this evidence may change or delete it.</source>
        <translation>Dim ond awdur y dystiolaeth hon all ei newid neu ei dileu.</translation>
    </message>
    <message>
        <source>Only the author of this evidence may add or remove its photos.</source>
        <translation>Dim ond awdur y dystiolaeth hon all ychwanegu neu dynnu ei lluniau.</translation>
    </message>
    <message>
        <source>The server answered with a signing key other than the one this review was checked out with, so nothing it vouches for was accepted. Ask your administrator.</source>
        <translation>Atebodd y gweinydd ag allwedd lofnodi wahanol i&apos;r un y llwythwyd yr adolygiad hwn i lawr â hi, felly ni dderbyniwyd dim y mae&apos;n ei warantu. Gofynnwch i&apos;ch gweinyddwr.</translation>
    </message>
    <message>
        <source>Only JPEG, PNG, HEIC and WebP photos can be attached.</source>
        <translation>Dim ond lluniau JPEG, PNG, HEIC a WebP y gellir eu hatodi.</translation>
    </message>
    <message>
        <source>This photo file is damaged, so it cannot be attached.</source>
        <translation>Mae&apos;r ffeil llun hon wedi&apos;i difrodi, felly nid oes modd ei hatodi.</translation>
    </message>
    <message>
        <source>This photo is {size}; photos of up to {limit} can be attached (the sync server takes no more). Take it at a lower resolution, or make it smaller, and attach it again.</source>
        <translation>Mae&apos;r llun hwn yn {size}; gellir atodi lluniau hyd at {limit} (nid yw&apos;r gweinydd cysoni yn derbyn mwy). Tynnwch ef ar gydraniad is, neu gwnewch ef yn llai, a&apos;i atodi eto.</translation>
    </message>
    <message>
        <source>Only the lead reviewer can mark findings agreed or settle conflicts.</source>
        <translation>Dim ond yr adolygydd arweiniol all nodi bod canfyddiadau wedi&apos;u cytuno neu ddatrys gwrthdaro.</translation>
    </message>
    <message>
        <source>Only the lead reviewer can change the plan, the focus or the enquiry questions.</source>
        <translation>Dim ond yr adolygydd arweiniol all newid y cynllun, y ffocws neu&apos;r cwestiynau ymholi.</translation>
    </message>
    <message>
        <source>Your role on this review&apos;s team cannot change this record.</source>
        <translation>Ni all eich rôl yn nhîm adolygu&apos;r adolygiad hwn newid y cofnod hwn.</translation>
    </message>
    <message>
        <source>Only the author of this evidence can change or delete it.</source>
        <translation>Dim ond awdur y dystiolaeth hon all ei newid neu ei dileu.</translation>
    </message>
    <message>
        <source>The file {path} was made by a newer version of SPP Desktop (format {found}; this version reads up to format {supported}). Please update SPP Desktop to open it. Nothing was changed.</source>
        <translation>Cafodd y ffeil {path} ei gwneud gan fersiwn fwy newydd o SPP Desktop (fformat {found}; mae&apos;r fersiwn hon yn darllen hyd at fformat {supported}). Diweddarwch SPP Desktop i&apos;w hagor. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The review store file {path} could not be opened with this key file. It is damaged, or it belongs to another copy of SPP Desktop. Nothing was changed.</source>
        <translation>Nid oedd modd agor ffeil storfa&apos;r adolygiadau {path} gyda&apos;r ffeil allwedd hon. Mae wedi&apos;i difrodi, neu mae&apos;n perthyn i gopi arall o SPP Desktop. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The review store file {path} is damaged or has been altered, so it was not opened. Nothing was changed.</source>
        <translation>Mae ffeil storfa&apos;r adolygiadau {path} wedi&apos;i difrodi neu wedi&apos;i newid, felly ni chafodd ei hagor. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or has been altered, so the review store could not be unlocked. Nothing was changed. A backup copy of this file will unlock it again.</source>
        <translation>Mae&apos;r ffeil allwedd {path} wedi&apos;i difrodi neu wedi&apos;i newid, felly nid oedd modd datgloi storfa&apos;r adolygiadau. Ni newidiwyd dim. Bydd copi wrth gefn o&apos;r ffeil hon yn ei datgloi eto.</translation>
    </message>
    <message>
        <source>The file {path} is not encrypted, so SPP Desktop will not use it to hold reviews. Nothing was changed.</source>
        <translation>Nid yw&apos;r ffeil {path} wedi&apos;i hamgryptio, felly ni fydd SPP Desktop yn ei defnyddio i gadw adolygiadau. Ni newidiwyd dim.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The finding&apos;s text</source>
        <translation>Testun y canfyddiad</translation>
    </message>
    <message>
        <source>Whether it is agreed</source>
        <translation>A yw wedi&apos;i gytuno</translation>
    </message>
    <message>
        <source>Kind of finding</source>
        <translation>Math o ganfyddiad</translation>
    </message>
    <message>
        <source>Enquiry question</source>
        <translation>Cwestiwn ymholi</translation>
    </message>
    <message>
        <source>Headteacher&apos;s comment</source>
        <translation>Sylw&apos;r pennaeth</translation>
    </message>
    <message>
        <source>Reviewer notes</source>
        <translation>Nodiadau&apos;r adolygydd</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Check-in date</source>
        <translation>Dyddiad y gwiriad cynnydd</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>Y cam gweithredu</translation>
    </message>
    <message>
        <source>Who will do it</source>
        <translation>Pwy fydd yn ei wneud</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>Y cwestiwn</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Trefn</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Amser dechrau</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Amser gorffen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagiau</translation>
    </message>
    <message>
        <source>Enquiry questions</source>
        <translation>Cwestiynau ymholi</translation>
    </message>
    <message>
        <source>Q{number}: {text}</source>
        <translation>C{number}: {text}</translation>
    </message>
    <message>
        <source>an enquiry question</source>
        <translation>cwestiwn ymholi</translation>
    </message>
    <message>
        <source>A finding that was deleted</source>
        <translation>Canfyddiad a ddilëwyd</translation>
    </message>
    <message>
        <source>{kind} under {question}</source>
        <translation>{kind} dan {question}</translation>
    </message>
    <message>
        <source>An evidence record that was deleted</source>
        <translation>Cofnod tystiolaeth a ddilëwyd</translation>
    </message>
    <message>
        <source>The feedback summary</source>
        <translation>Y crynodeb adborth</translation>
    </message>
    <message>
        <source>An agreed action</source>
        <translation>Cam gweithredu a gytunwyd</translation>
    </message>
    <message>
        <source>Enquiry question {question}</source>
        <translation>Cwestiwn ymholi {question}</translation>
    </message>
    <message>
        <source>The plan: {time} {activity}</source>
        <translation>Y cynllun: {time} {activity}</translation>
    </message>
    <message>
        <source>A slot in the plan</source>
        <translation>Slot yn y cynllun</translation>
    </message>
    <message>
        <source>Part of the review</source>
        <translation>Rhan o&apos;r adolygiad</translation>
    </message>
    <message>
        <source>One of the team deleted this while another changed it.</source>
        <translation>Dileodd un o&apos;r tîm hwn tra oedd un arall yn ei newid.</translation>
    </message>
    <message>
        <source>Changed by more than one of the team: {field}</source>
        <translation>Wedi&apos;i newid gan fwy nag un o&apos;r tîm: {field}</translation>
    </message>
    <message>
        <source>(left empty)</source>
        <translation>(wedi&apos;i adael yn wag)</translation>
    </message>
    <message>
        <source>Deleted it.</source>
        <translation>Wedi&apos;i ddileu.</translation>
    </message>
    <message>
        <source>Brought it back.</source>
        <translation>Wedi dod ag ef yn ôl.</translation>
    </message>
    <message>
        <source>Changed it to: {value}</source>
        <translation>Wedi&apos;i newid i: {value}</translation>
    </message>
    <message>
        <source>Receiving changes from the server: {n} so far</source>
        <translation>Yn derbyn newidiadau o&apos;r gweinydd: {n} hyd yma</translation>
    </message>
    <message>
        <source>Receiving changes from the server…</source>
        <translation>Yn derbyn newidiadau o&apos;r gweinydd…</translation>
    </message>
    <message>
        <source>Sending changes: {done} of {total}</source>
        <translation>Yn anfon newidiadau: {done} o {total}</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Yn anfon newidiadau…</translation>
    </message>
    <message>
        <source>Sending photos: {percent}%</source>
        <translation>Yn anfon lluniau: {percent}%</translation>
    </message>
    <message>
        <source>Sending photos…</source>
        <translation>Yn anfon lluniau…</translation>
    </message>
    <message>
        <source>Receiving photos: {done} of {total}</source>
        <translation>Yn derbyn lluniau: {done} o {total}</translation>
    </message>
    <message>
        <source>Receiving photos…</source>
        <translation>Yn derbyn lluniau…</translation>
    </message>
    <message>
        <source>Checking this laptop and the server match…</source>
        <translation>Yn gwirio bod y gliniadur hwn a&apos;r gweinydd yn cyfateb…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Yn cysoni…</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>heddiw am {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>ddoe am {time}</translation>
    </message>
    <message>
        <source>{day} {date} at {time}</source>
        <translation>{day} {date} am {time}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sign &amp;in to server…</source>
        <translation>&amp;Mewngofnodi i&apos;r gweinydd…</translation>
    </message>
    <message>
        <source>Reviews on the ser&amp;ver…</source>
        <translation>Adolygiadau ar y g&amp;weinydd…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Cy&amp;soni nawr</translation>
    </message>
    <message>
        <source>&amp;Export for the team…</source>
        <translation>&amp;Allforio i&apos;r tîm…</translation>
    </message>
    <message>
        <source>Import from a &amp;team member…</source>
        <translation>Mewnforio gan aelod o&apos;r &amp;tîm…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Gwrthdaro…</translation>
    </message>
    <message>
        <source>Changes not yet synced</source>
        <translation>Newidiadau heb eu cysoni eto</translation>
    </message>
    <message>
        <source>Export for the team</source>
        <translation>Allforio i&apos;r tîm</translation>
    </message>
    <message>
        <source>Reviews on the server…</source>
        <translation>Adolygiadau ar y gweinydd…</translation>
    </message>
    <message>
        <source>Sign in to server…</source>
        <translation>Mewngofnodi i&apos;r gweinydd…</translation>
    </message>
    <message>
        <source>Signed in to the server as {user}</source>
        <translation>Wedi mewngofnodi i&apos;r gweinydd fel {user}</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({n})…</source>
        <translation>&amp;Gwrthdaro ({n})…</translation>
    </message>
    <message>
        <source>The server refused {n} of your changes: {reason}</source>
        <translation>Gwrthododd y gweinydd {n} o&apos;ch newidiadau: {reason}</translation>
    </message>
    <message>
        <source>The server refused a change: {reason}</source>
        <translation>Gwrthododd y gweinydd newid: {reason}</translation>
    </message>
    <message>
        <source>Sync stopped before the end; what was done is kept. Sync again to finish.</source>
        <translation>Daeth y cysoni i ben cyn y diwedd; mae&apos;r hyn a wnaed wedi&apos;i gadw. Cysonwch eto i orffen.</translation>
    </message>
    <message>
        <source>Not synced: the server could not be reached.</source>
        <translation>Heb gysoni: nid oedd modd cyrraedd y gweinydd.</translation>
    </message>
    <message>
        <source>The closed review was removed from this laptop.</source>
        <translation>Tynnwyd yr adolygiad caeedig oddi ar y gliniadur hwn.</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <source>your work is safe on this laptop.</source>
        <translation>mae eich gwaith yn ddiogel ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>The server is busy or having trouble. Try again in a few minutes; {safe}</source>
        <translation>Mae&apos;r gweinydd yn brysur neu&apos;n cael trafferth. Rhowch gynnig arall arni ymhen ychydig funudau; {safe}</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate could not be checked, so nothing was sent. Ask your administrator for the right server address or certificate; {safe}</source>
        <translation>Nid oedd modd gwirio tystysgrif ddiogelwch y gweinydd, felly ni anfonwyd dim. Gofynnwch i&apos;ch gweinyddwr am gyfeiriad neu dystysgrif gywir y gweinydd; {safe}</translation>
    </message>
    <message>
        <source>You are not on this review&apos;s team on the server, so it cannot be synced. Ask the lead reviewer or your partnership to add you.</source>
        <translation>Nid ydych ar dîm yr adolygiad hwn ar y gweinydd, felly nid oes modd ei gysoni. Gofynnwch i&apos;r adolygydd arweiniol neu i&apos;ch partneriaeth eich ychwanegu.</translation>
    </message>
    <message>
        <source>The server sent a reply this app does not understand, so the sync stopped. Try again later, or ask your administrator; {safe}</source>
        <translation>Anfonodd y gweinydd ateb nad yw&apos;r ap hwn yn ei ddeall, felly daeth y cysoni i ben. Rhowch gynnig arall arni yn nes ymlaen, neu gofynnwch i&apos;ch gweinyddwr; {safe}</translation>
    </message>
    <message>
        <source>The server is answering far too slowly, so the sync stopped. Try again later, or ask your administrator; {safe}</source>
        <translation>Mae&apos;r gweinydd yn ateb yn llawer rhy araf, felly daeth y cysoni i ben. Rhowch gynnig arall arni yn nes ymlaen, neu gofynnwch i&apos;ch gweinyddwr; {safe}</translation>
    </message>
    <message>
        <source>The server sent a reply far larger than this app accepts, so the sync stopped. Ask your administrator; {safe}</source>
        <translation>Anfonodd y gweinydd ateb llawer mwy nag y mae&apos;r ap hwn yn ei dderbyn, felly daeth y cysoni i ben. Gofynnwch i&apos;ch gweinyddwr; {safe}</translation>
    </message>
    <message>
        <source>Your sign-in to the server has expired. Sign in again; {safe}</source>
        <translation>Mae eich mewngofnod i&apos;r gweinydd wedi dod i ben. Mewngofnodwch eto; {safe}</translation>
    </message>
    <message>
        <source>The username or password is not right.</source>
        <translation>Nid yw&apos;r enw defnyddiwr neu&apos;r cyfrinair yn gywir.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again later.</source>
        <translation>Gormod o ymdrechion aflwyddiannus i fewngofnodi; rhowch gynnig arall arni yn nes ymlaen.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the connection and try again; {safe}</source>
        <translation>Nid oedd modd cyrraedd y gweinydd. Gwiriwch y cysylltiad a rhowch gynnig arall arni; {safe}</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of SPP Desktop. Update this app, then import it again.</source>
        <translation>Cafodd y bwndel hwn ei wneud gan fersiwn fwy newydd o SPP Desktop. Diweddarwch yr ap hwn, yna mewnforiwch ef eto.</translation>
    </message>
    <message>
        <source>This bundle belongs to another review, so nothing was imported. Open that review and import the bundle there.</source>
        <translation>Mae&apos;r bwndel hwn yn perthyn i adolygiad arall, felly ni fewnforiwyd dim. Agorwch yr adolygiad hwnnw a mewnforio&apos;r bwndel yno.</translation>
    </message>
    <message>
        <source>This bundle file is damaged, has been altered, or was made for another team, so nothing was imported.</source>
        <translation>Mae ffeil y bwndel hwn wedi&apos;i difrodi, wedi&apos;i newid, neu wedi&apos;i gwneud ar gyfer tîm arall, felly ni fewnforiwyd dim.</translation>
    </message>
    <message>
        <source>This bundle is too large to import safely, so nothing was imported.</source>
        <translation>Mae&apos;r bwndel hwn yn rhy fawr i&apos;w fewnforio&apos;n ddiogel, felly ni fewnforiwyd dim.</translation>
    </message>
    <message>
        <source>This bundle holds something SPP Desktop cannot accept ({detail}), so nothing was imported.</source>
        <translation>Mae&apos;r bwndel hwn yn cynnwys rhywbeth na all SPP Desktop ei dderbyn ({detail}), felly ni fewnforiwyd dim.</translation>
    </message>
    <message>
        <source>There is no file {name}.</source>
        <translation>Nid oes ffeil {name}.</translation>
    </message>
    <message>
        <source>The file {name} could not be read or written ({reason}).</source>
        <translation>Nid oedd modd darllen nac ysgrifennu&apos;r ffeil {name} ({reason}).</translation>
    </message>
    <message>
        <source>Something went wrong while syncing; {safe}</source>
        <translation>Aeth rhywbeth o&apos;i le wrth gysoni; {safe}</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Never synced</source>
        <translation>Heb ei gysoni erioed</translation>
    </message>
    <message>
        <source>Everything synced at {time}</source>
        <translation>Popeth wedi&apos;i gysoni am {time}</translation>
    </message>
    <message>
        <source>Everything synced yesterday at {time}</source>
        <translation>Popeth wedi&apos;i gysoni ddoe am {time}</translation>
    </message>
    <message>
        <source>Everything synced on {date} at {time}</source>
        <translation>Popeth wedi&apos;i gysoni ar {date} am {time}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync progress</source>
        <translation>Cynnydd cysoni</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop syncing; what is done so far is kept</source>
        <translation>Stopio cysoni; mae&apos;r hyn sydd wedi&apos;i wneud hyd yma yn cael ei gadw</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problem cysoni</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Mewngofnodi eto…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Yn cysoni…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Yn stopio ar ôl y cam hwn…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Mewngofnodi…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w ddatrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
            <numerusform>%n gwrthdaro i&apos;w datrys</numerusform>
        </translation>
    </message>
    <message>
        <source>Two team members changed the same thing; see both versions</source>
        <translation>Newidiodd dau aelod o&apos;r tîm yr un peth; gweld y ddwy fersiwn</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>No changes waiting to sync</source>
        <translation>Dim newidiadau&apos;n aros i&apos;w cysoni</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n newid heb eu cysoni eto</numerusform>
            <numerusform>%n newid heb ei gysoni eto</numerusform>
            <numerusform>%n newid heb eu cysoni eto</numerusform>
            <numerusform>%n newid heb eu cysoni eto</numerusform>
            <numerusform>%n newid heb eu cysoni eto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) (has|have) not been synced yet.</source>
        <translation>
            <numerusform>Nid yw %n newid wedi&apos;u cysoni eto.</numerusform>
            <numerusform>Nid yw %n newid wedi&apos;i gysoni eto.</numerusform>
            <numerusform>Nid yw %n newid wedi&apos;u cysoni eto.</numerusform>
            <numerusform>Nid yw %n newid wedi&apos;u cysoni eto.</numerusform>
            <numerusform>Nid yw %n newid wedi&apos;u cysoni eto.</numerusform>
        </translation>
    </message>
    <message>
        <source>{received} from the server and {sent}.</source>
        <translation>{received} o&apos;r gweinydd ac {sent}.</translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s)</source>
        <translation>
            <numerusform>Derbyniwyd %n newid</numerusform>
            <numerusform>Derbyniwyd %n newid</numerusform>
            <numerusform>Derbyniwyd %n newid</numerusform>
            <numerusform>Derbyniwyd %n newid</numerusform>
            <numerusform>Derbyniwyd %n newid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent %n change(s)</source>
        <translation>
            <numerusform>anfonwyd %n newid</numerusform>
            <numerusform>anfonwyd %n newid</numerusform>
            <numerusform>anfonwyd %n newid</numerusform>
            <numerusform>anfonwyd %n newid</numerusform>
            <numerusform>anfonwyd %n newid</numerusform>
        </translation>
    </message>
    <message>
        <source>{uploaded} and {downloaded}.</source>
        <translation>{uploaded} a {downloaded}.</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %n photo(s)</source>
        <translation>
            <numerusform>Llwythwyd %n llun i fyny</numerusform>
            <numerusform>Llwythwyd %n llun i fyny</numerusform>
            <numerusform>Llwythwyd %n llun i fyny</numerusform>
            <numerusform>Llwythwyd %n llun i fyny</numerusform>
            <numerusform>Llwythwyd %n llun i fyny</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>downloaded %n photo(s)</source>
        <translation>
            <numerusform>llwythwyd %n llun i lawr</numerusform>
            <numerusform>llwythwyd %n llun i lawr</numerusform>
            <numerusform>llwythwyd %n llun i lawr</numerusform>
            <numerusform>llwythwyd %n llun i lawr</numerusform>
            <numerusform>llwythwyd %n llun i lawr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) from other reviewers (is|are) not on the server yet.</source>
        <translation>
            <numerusform>Nid yw %n llun gan adolygwyr eraill ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n llun gan adolygwyr eraill ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n llun gan adolygwyr eraill ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n llun gan adolygwyr eraill ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n llun gan adolygwyr eraill ar y gweinydd eto.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused a change: {reason}</source>
        <translation>Gwrthododd y gweinydd newid: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s) (was|were) refused.</source>
        <translation>
            <numerusform>… a gwrthodwyd %n newid arall.</numerusform>
            <numerusform>… a gwrthodwyd %n newid arall.</numerusform>
            <numerusform>… a gwrthodwyd %n newid arall.</numerusform>
            <numerusform>… a gwrthodwyd %n newid arall.</numerusform>
            <numerusform>… a gwrthodwyd %n newid arall.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused a photo (it stays on this laptop): {reason}</source>
        <translation>Gwrthododd y gweinydd lun (mae&apos;n aros ar y gliniadur hwn): {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) came from a laptop whose clock is more than a day ahead; (it was|they were) kept.</source>
        <translation>
            <numerusform>Daeth %n newid o liniadur y mae ei gloc fwy na diwrnod ar y blaen; fe&apos;u cadwyd.</numerusform>
            <numerusform>Daeth %n newid o liniadur y mae ei gloc fwy na diwrnod ar y blaen; fe&apos;i cadwyd.</numerusform>
            <numerusform>Daeth %n newid o liniadur y mae ei gloc fwy na diwrnod ar y blaen; fe&apos;u cadwyd.</numerusform>
            <numerusform>Daeth %n newid o liniadur y mae ei gloc fwy na diwrnod ar y blaen; fe&apos;u cadwyd.</numerusform>
            <numerusform>Daeth %n newid o liniadur y mae ei gloc fwy na diwrnod ar y blaen; fe&apos;u cadwyd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped before the end; what was done is kept. Sync again to finish.</source>
        <translation>Daeth y cysoni i ben cyn y diwedd; mae&apos;r hyn a wnaed wedi&apos;i gadw. Cysonwch eto i orffen.</translation>
    </message>
    <message>
        <source>This laptop and the server now hold the same review.</source>
        <translation>Mae&apos;r gliniadur hwn a&apos;r gweinydd bellach yn dal yr un adolygiad.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on this laptop (is|are) not on the server yet.</source>
        <translation>
            <numerusform>Nid yw %n newid ar y gliniadur hwn ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n newid ar y gliniadur hwn ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n newid ar y gliniadur hwn ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n newid ar y gliniadur hwn ar y gweinydd eto.</numerusform>
            <numerusform>Nid yw %n newid ar y gliniadur hwn ar y gweinydd eto.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server does not hold everything this laptop has yet (changes from team bundles reach it when their authors sync).</source>
        <translation>Nid yw&apos;r gweinydd yn dal popeth sydd gan y gliniadur hwn eto (mae newidiadau o fwndeli&apos;r tîm yn ei gyrraedd pan fydd eu hawduron yn cysoni).</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Tags</source>
        <translation>Tagiau</translation>
    </message>
    <message>
        <source>Add a tag, then comma or Enter</source>
        <translation>Ychwanegwch dag, yna coma neu Enter</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Tag newydd</translation>
    </message>
    <message>
        <source>Remove the tag “{tag}”</source>
        <translation>Tynnu&apos;r tag “{tag}”</translation>
    </message>
    <message>
        <source>Tag {tag}. Press to remove</source>
        <translation>Tag {tag}. Pwyswch i&apos;w dynnu</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>End time</source>
        <translation>Amser gorffen</translation>
    </message>
    <message>
        <source>Set end time to now</source>
        <translation>Gosod yr amser gorffen i nawr</translation>
    </message>
    <message>
        <source>Set the end time to the time now</source>
        <translation>Gosod yr amser gorffen i&apos;r amser presennol</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Amser dechrau</translation>
    </message>
    <message>
        <source>Set start time to now</source>
        <translation>Gosod yr amser dechrau i nawr</translation>
    </message>
    <message>
        <source>Set the start time to the time now</source>
        <translation>Gosod yr amser dechrau i&apos;r amser presennol</translation>
    </message>
    <message>
        <source>{name} (hours:minutes); leave at {blank} if not known</source>
        <translation>{name} (oriau:munudau); gadewch ar {blank} os nad yw&apos;n hysbys</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
</context>
<context>
    <name>TimetableTab</name>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Gweithgaredd</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lle</translation>
    </message>
    <message>
        <source>Class or group</source>
        <translation>Dosbarth neu grŵp</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>Host staff</source>
        <translation>Staff yr ysgol</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Cwestiynau</translation>
    </message>
    <message>
        <source>Review day</source>
        <translation>Diwrnod adolygu</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>Amserlen</translation>
    </message>
    <message>
        <source>&amp;Add slot (Insert)</source>
        <translation>&amp;Ychwanegu slot (Insert)</translation>
    </message>
    <message>
        <source>D&amp;uplicate slot (Ctrl+D)</source>
        <translation>&amp;Dyblygu slot (Ctrl+D)</translation>
    </message>
    <message>
        <source>Remo&amp;ve slot (Delete)</source>
        <translation>Ty&amp;nnu slot (Delete)</translation>
    </message>
    <message>
        <source>Day to copy this day&apos;s slots to</source>
        <translation>Diwrnod i gopïo slotiau&apos;r diwrnod hwn iddo</translation>
    </message>
    <message>
        <source>Cop&amp;y this day to</source>
        <translation>Copïo&apos;r diwrnod &amp;hwn i</translation>
    </message>
    <message>
        <source>Type over a cell and press Enter to save it. Team: names separated by commas. Questions: their numbers, e.g. 1, 3.</source>
        <translation>Teipiwch dros gell a phwyso Enter i&apos;w chadw. Tîm: enwau wedi&apos;u gwahanu gan gomas. Cwestiynau: eu rhifau, e.e. 1, 3.</translation>
    </message>
    <message>
        <source>Only the lead reviewer changes the timetable; this is the plan as agreed.</source>
        <translation>Dim ond yr adolygydd arweiniol sy&apos;n newid yr amserlen; dyma&apos;r cynllun fel y&apos;i cytunwyd.</translation>
    </message>
    <message>
        <source>Timetable note</source>
        <translation>Nodyn yr amserlen</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Diwrnod:</translation>
    </message>
    <message>
        <source>Timetable saved.</source>
        <translation>Amserlen wedi&apos;i chadw.</translation>
    </message>
    <message>
        <source>Slot added: type its activity.</source>
        <translation>Slot wedi&apos;i ychwanegu: teipiwch ei weithgaredd.</translation>
    </message>
    <message>
        <source>Slot duplicated.</source>
        <translation>Slot wedi&apos;i ddyblygu.</translation>
    </message>
    <message>
        <source>Slot removed.</source>
        <translation>Slot wedi&apos;i dynnu.</translation>
    </message>
    <message>
        <source>The day&apos;s slots were copied to {day}.</source>
        <translation>Copïwyd slotiau&apos;r diwrnod i {day}.</translation>
    </message>
</context>
<context>
    <name>TriangulationBadge</name>
    <message>
        <source>No evidence yet</source>
        <translation>Dim tystiolaeth eto</translation>
    </message>
    <message>
        <source>{items} from {kinds}: {parts}.</source>
        <translation>{items} o {kinds}: {parts}.</translation>
    </message>
    <message>
        <source>{gap} (deleted since it was linked).</source>
        <translation>{gap} (wedi&apos;i ddileu ers ei gysylltu).</translation>
    </message>
    <message>
        <source>Evidence behind this question: {support}</source>
        <translation>Y dystiolaeth y tu ôl i&apos;r cwestiwn hwn: {support}</translation>
    </message>
    <message>
        <source>Evidence behind this finding: {support}</source>
        <translation>Y dystiolaeth y tu ôl i&apos;r canfyddiad hwn: {support}</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo bar</source>
        <translation>Bar dadwneud</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Dadwneud (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>SPP Desktop user guide</source>
        <translation>Canllaw defnyddiwr SPP Desktop</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Canllaw defnyddiwr</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation ({path}).</source>
        <translation>Mae&apos;r canllaw defnyddiwr ar goll o&apos;r gosodiad hwn ({path}).</translation>
    </message>
</context>
<context>
    <name>ValueColumn</name>
    <message>
        <source>Written {when}</source>
        <translation>Ysgrifennwyd {when}</translation>
    </message>
    <message>
        <source>{when}  ·  shown for now</source>
        <translation>{when}  ·  dangosir am y tro</translation>
    </message>
    <message>
        <source>Version by {who}</source>
        <translation>Fersiwn gan {who}</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Cadw&apos;r un hon</translation>
    </message>
    <message>
        <source>Keep the version by {who}</source>
        <translation>Cadw&apos;r fersiwn gan {who}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SPP Desktop</source>
        <translation>Croeso i SPP Desktop</translation>
    </message>
    <message>
        <source>Everything stays on this laptop, encrypted</source>
        <translation>Mae popeth yn aros ar y gliniadur hwn, wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <source>Try the demo review first</source>
        <translation>Rhowch gynnig ar yr adolygiad enghreifftiol yn gyntaf</translation>
    </message>
    <message>
        <source>Your reviews, notes and photos are kept in an encrypted store on this laptop, unlocked with a passphrase you choose. Nothing leaves the laptop until you sync or export. If you forget the passphrase, nobody can open the store, so keep it somewhere safe.</source>
        <translation>Caiff eich adolygiadau, eich nodiadau a&apos;ch lluniau eu cadw mewn storfa wedi&apos;i hamgryptio ar y gliniadur hwn, a&apos;u datgloi gyda chyfrinymadrodd rydych chi&apos;n ei ddewis. Nid oes dim yn gadael y gliniadur nes i chi gysoni neu allforio. Os byddwch yn anghofio&apos;r cyfrinymadrodd, ni all neb agor y storfa, felly cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>This is the demo</source>
        <translation>Dyma&apos;r fersiwn enghreifftiol</translation>
    </message>
    <message>
        <source>Unlock with the demo passphrase shown on the lock screen (or press “Type it in for me”): the made-up review day opens at once. The demo store is deleted when you close SPP Desktop.</source>
        <translation>Datglowch gyda&apos;r cyfrinymadrodd enghreifftiol a ddangosir ar y sgrin gloi (neu pwyswch “Teipiwch ef i mi”): mae&apos;r diwrnod adolygu dychmygol yn agor ar unwaith. Caiff y storfa enghreifftiol ei dileu pan fyddwch chi&apos;n cau SPP Desktop.</translation>
    </message>
    <message>
        <source>After you unlock, choose “Open demo review” on the Reviews screen to explore a made-up review day.</source>
        <translation>Ar ôl datgloi, dewiswch “Agor adolygiad enghreifftiol” ar sgrin Adolygiadau i archwilio diwrnod adolygu dychmygol.</translation>
    </message>
    <message>
        <source>Ask your partnership lead for a practice review package to explore before the day.</source>
        <translation>Gofynnwch i arweinydd eich partneriaeth am becyn adolygiad ymarfer i&apos;w archwilio cyn y diwrnod.</translation>
    </message>
    <message>
        <source>Get your review</source>
        <translation>Cael eich adolygiad</translation>
    </message>
    <message>
        <source>Choose “Import review package…” and open the file the partnership lead sent you, or sign in to the partnership server to download the review.</source>
        <translation>Dewiswch “Mewnforio pecyn adolygiad…” ac agorwch y ffeil a anfonodd arweinydd y bartneriaeth atoch, neu mewngofnodwch i weinydd y bartneriaeth i lwytho&apos;r adolygiad i lawr.</translation>
    </message>
    <message>
        <source>Before you leave school</source>
        <translation>Cyn i chi adael yr ysgol</translation>
    </message>
    <message>
        <source>Look at the status bar at the bottom of the window: it should say there are no changes waiting to sync. If you cannot sync from school, sync from home that evening, or choose “Export for the team…” and pass the file to the lead reviewer before the feedback conversation.</source>
        <translation>Edrychwch ar y bar statws ar waelod y ffenestr: dylai ddweud nad oes newidiadau&apos;n aros i&apos;w cysoni. Os na allwch gysoni o&apos;r ysgol, cysonwch o adref y noson honno, neu dewiswch “Allforio i&apos;r tîm…” a rhowch y ffeil i&apos;r adolygydd arweiniol cyn y sgwrs adborth.</translation>
    </message>
    <message>
        <source>You can see this again from Help ▸ Welcome; the full user guide is under Help ▸ User guide (F1).</source>
        <translation>Gallwch weld hyn eto o Cymorth ▸ Croeso; mae&apos;r canllaw defnyddiwr llawn o dan Cymorth ▸ Canllaw defnyddiwr (F1).</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Agor y canllaw defnyddiwr</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>Dechrau arni</translation>
    </message>
</context>
<context>
    <name>WorkshopTab</name>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Led by (role)</source>
        <translation>Yn cael ei arwain gan (rôl)</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Yn dechrau</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Erbyn pryd</translation>
    </message>
    <message>
        <source>Support from (partner school)</source>
        <translation>Cefnogaeth gan (ysgol bartner)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>dim eto</translation>
    </message>
    <message>
        <source>Date of the improvement workshop</source>
        <translation>Dyddiad y gweithdy gwella</translation>
    </message>
    <message>
        <source>Improvement Champion</source>
        <translation>Hyrwyddwr Gwella</translation>
    </message>
    <message>
        <source>Improvement priority</source>
        <translation>Blaenoriaeth gwella</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Achosion sylfaenol</translation>
    </message>
    <message>
        <source>Area to develop</source>
        <translation>Maes i&apos;w ddatblygu</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Achos sylfaenol</translation>
    </message>
    <message>
        <source>Area to develop for a new root cause</source>
        <translation>Maes i&apos;w ddatblygu ar gyfer achos sylfaenol newydd</translation>
    </message>
    <message>
        <source>Add a root cause for</source>
        <translation>Ychwanegu achos sylfaenol ar gyfer</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Camau gweithredu</translation>
    </message>
    <message>
        <source>Add &amp;action (Insert)</source>
        <translation>&amp;Ychwanegu cam gweithredu (Insert)</translation>
    </message>
    <message>
        <source>Remove action (Delete)</source>
        <translation>Tynnu cam gweithredu (Delete)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>Pwy a gymerodd ran</translation>
    </message>
    <message>
        <source>Only the lead reviewer or the Improvement Champion changes the workshop.</source>
        <translation>Dim ond yr adolygydd arweiniol neu&apos;r Hyrwyddwr Gwella sy&apos;n newid y gweithdy.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Heb ei ddewis eto</translation>
    </message>
    <message>
        <source>Root cause saved.</source>
        <translation>Achos sylfaenol wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Root cause added: type it in the table.</source>
        <translation>Achos sylfaenol wedi&apos;i ychwanegu: teipiwch ef yn y tabl.</translation>
    </message>
    <message>
        <source>Action saved.</source>
        <translation>Cam gweithredu wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Action added: type what it is.</source>
        <translation>Cam gweithredu wedi&apos;i ychwanegu: teipiwch beth ydyw.</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Cam gweithredu newydd</translation>
    </message>
    <message>
        <source>Action removed.</source>
        <translation>Cam gweithredu wedi&apos;i dynnu.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Plan</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Canfyddiadau</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Adborth</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Paratoi</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>Gwella</translation>
    </message>
</context>
</TS>
