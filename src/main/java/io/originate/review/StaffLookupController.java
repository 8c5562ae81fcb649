package io.originate.review;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding applications by a caller's number, seeing personal data with a reason, and the record of
 * both (who may do each is set by web.StaffChains from {@code originate.staff}). Numbers travel in
 * the body, never in a URL that logs would keep.
 */
@RestController
class StaffLookupController {

    record Search(String mobile, String nationalId) {}

    record Reveal(List<String> fields, String reason) {}

    private final StaffLookup lookup;

    StaffLookupController(StaffLookup lookup) {
        this.lookup = lookup;
    }

    @PostMapping("/api/v1/staff/applications/search")
    List<StaffLookup.Found> search(Authentication staff, @RequestBody Search search) {
        return lookup.search(staff.getName(), search.mobile(), search.nationalId());
    }

    @PostMapping("/api/v1/staff/applications/{id}/reveal")
    Map<String, String> reveal(Authentication staff, @PathVariable String id, @RequestBody Reveal reveal) {
        return lookup.reveal(staff.getName(), id, reveal.fields(), reveal.reason());
    }

    @GetMapping("/api/v1/staff/access-log")
    List<StaffLookup.Access> log(@RequestParam(required = false) String applicationId) {
        return lookup.log(applicationId);
    }
}
