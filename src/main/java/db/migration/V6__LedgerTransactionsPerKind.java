package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The ledger now holds several transactions per application (the fee receivable, its collection or
 * refund, the disbursement): one of each kind, instead of one in all. The old unique constraint on
 * the application id is dropped whatever the database named it; its foreign key is dropped first
 * and made again (H2 would otherwise keep the unique index for the key).
 */
public class V6__LedgerTransactionsPerKind extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> foreignKeys = constraints(connection, "FOREIGN KEY");
        List<String> unique = constraints(connection, "UNIQUE");
        try (Statement change = connection.createStatement()) {
            for (String name : foreignKeys) {
                change.execute("alter table ledger_transaction drop constraint \"" + name + "\"");
            }
            for (String name : unique) {
                change.execute("alter table ledger_transaction drop constraint \"" + name + "\"");
            }
            change.execute(
                    "create unique index ux_ledger_application_kind on ledger_transaction (application_id, kind)");
            change.execute("alter table ledger_transaction add constraint fk_ledger_application"
                    + " foreign key (application_id) references loan_application (id)");
        }
    }

    /** The constraints of this type on ledger_transaction.application_id, by the name the database gave them. */
    private static List<String> constraints(Connection connection, String type) throws Exception {
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(
                "select distinct tc.constraint_name from information_schema.table_constraints tc"
                        + " join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name"
                        + " and k.table_name = tc.table_name"
                        + " where lower(tc.table_name) = 'ledger_transaction' and tc.constraint_type = ?"
                        + " and lower(k.column_name) = 'application_id'")) {
            find.setString(1, type);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1).replace("\"", ""));
                }
            }
        }
        return names;
    }
}
