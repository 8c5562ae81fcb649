-- Where the applicant accepted the offer from: the IP address, encrypted like all personal data.
alter table offer add column acknowledged_ip varchar(200);
